package io.ordo.platform.history;

import java.time.Instant;

/**
 * What to look for in the stored events, every part optional: one aggregate's id, one event (payload) type by its
 * full class name, a text the payload's JSON contains (ignoring case), recorded at or after {@code from} and before
 * {@code to}, older than the global index {@code before} (the next page). At most {@code pageSize} events come back,
 * newest first.
 */
public record EventSearch(
        String aggregateId, String payloadType, String text, Instant from, Instant to, Long before, int pageSize) {

    public EventSearch {
        aggregateId = blankToNull(aggregateId);
        payloadType = blankToNull(payloadType);
        text = blankToNull(text);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: from must be before to");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("the page size must be at least 1");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
