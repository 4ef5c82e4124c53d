package io.ordo.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The dead-letter queue of a processor as the console shows it: its parked sequences, oldest first. */
public record ParkedEvents(String processor, List<Sequence> sequences) {

    /** An aggregate's parked events, in order; retried or evicted together. */
    public record Sequence(String sequenceId, List<Letter> letters) {}

    /** One parked event; {@code cause} is the handler's message. */
    public record Letter(
            String eventId, String type, Long sequenceNumber, Instant enqueuedAt, Instant lastTouched, String cause) {}

    /** One parked event in full: its payload as JSON, cut at a bound ({@code payloadTruncated}), its failed retries and
     * Axon's other diagnostics. */
    public record Detail(
            String processor,
            String sequenceId,
            String eventId,
            String type,
            Long sequenceNumber,
            Instant timestamp,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String cause,
            long retries,
            Map<String, String> diagnostics,
            String payloadJson,
            boolean payloadTruncated) {}
}
