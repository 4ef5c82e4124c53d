package io.ordo.operations.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** One stored event as the audit trail shows it: the payload as JSON, the metadata (correlation ids) as stored. */
public record AuditEntry(
        long sequence,
        String eventId,
        String type,
        String revision,
        Instant timestamp,
        JsonNode payload,
        Map<String, Object> metadata) {}
