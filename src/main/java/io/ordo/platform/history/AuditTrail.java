package io.ordo.platform.history;

import java.util.List;

public record AuditTrail(String aggregateType, String aggregateId, List<AuditEntry> events) {}
