package io.ordo.platform.projections;

/**
 * A processing group a crash may rewind: everything its transactions write (rows, saga state, deadlines, the events of
 * the commands it sends) commits with the token that says how far it got, and doing it again from that token is safe
 * (a rebuildable projection, or a saga whose commands are idempotent). Its transactions commit without forcing to
 * disk ({@link RelaxedCommits}). A feature declares one as a bean; declaring {@link ProjectionTables} (for audits) says
 * the same for a projection.
 */
public record RewindableProcessor(String processingGroup) {}
