package io.ordo.console;

import io.ordo.platform.history.AuditEntry;
import java.time.Instant;

/**
 * One event of an order's timeline as the console shows it: the version it made, what happened, when, who caused it
 * (the principal in its metadata), and the ids that tie it to the rest of its chain (correlationId: the first message,
 * e.g. the command a request sent; causationId: the message that directly caused it).
 */
record TimelineEntry(
        long version, String type, Instant at, String principal, String correlationId, String causationId) {

    static TimelineEntry of(AuditEntry event) {
        return new TimelineEntry(
                event.sequence(),
                event.type(),
                event.timestamp(),
                event.principal(),
                text(event.metadata().get("correlationId")),
                text(event.metadata().get("causationId")));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
