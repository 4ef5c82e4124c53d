package io.ordo.platform.projections;

/**
 * A processing group whose writes can all be rebuilt from the events, committed with the token that says how far they
 * got: its transactions commit without forcing to disk ({@link RelaxedCommits}). A feature declares one as a bean;
 * declaring {@link ProjectionTables} (for audits) says the same, so a projection with those needs no other.
 */
public record RebuildableProjection(String processingGroup) {}
