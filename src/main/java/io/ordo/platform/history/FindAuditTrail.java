package io.ordo.platform.history;

/** The full stored history of one aggregate of the given type, oldest first. */
public record FindAuditTrail(String aggregateType, String aggregateId) {}
