package io.ordo.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event as the audit trail shows it: who caused it ({@code principal}: the signed-in user, the payment
 * provider, or {@code system}; absent on events recorded before principals were), the payload as JSON, the metadata
 * (correlation ids, request id, principal) as stored.
 */
public record AuditEntry(
        long sequence,
        String eventId,
        String type,
        String revision,
        Instant timestamp,
        String principal,
        JsonNode payload,
        Map<String, Object> metadata) {}
