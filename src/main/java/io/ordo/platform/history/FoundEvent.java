package io.ordo.platform.history;

import java.time.Instant;

/**
 * One stored event as the event search shows it: where it stands in the store (global index; aggregate type, id and
 * sequence), what it is (payload type and revision), when it was recorded, who caused it and which request it belongs
 * to (from its metadata; absent on events recorded without them), and its payload as pretty-printed JSON, cut at a
 * bound ({@code payloadCut}) so one huge event cannot swamp a page.
 */
public record FoundEvent(
        long globalIndex,
        Instant timestamp,
        String aggregateType,
        String aggregateId,
        long sequence,
        String payloadType,
        String revision,
        String principal,
        String correlationId,
        String payload,
        boolean payloadCut) {

    /** The payload type without its package, as people name events ({@code OrderPlaced}). */
    public String eventName() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
