package io.ordo.operations.history;

import java.util.List;

public record AuditTrail(String aggregateType, String aggregateId, List<AuditEntry> events) {}
