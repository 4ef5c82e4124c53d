package io.ordo.operations.deadletters;

import java.time.Instant;
import java.util.List;

/** The parked events of one processor, by sequence (an order's events form one sequence), oldest first. */
public record DeadLetterView(String processor, long sequences, long letters, List<Sequence> parked) {

    public record Sequence(String sequenceId, List<Letter> letters) {}

    /** One parked event; {@code cause} is the handler's message, without any class name or stack trace. */
    public record Letter(
            String eventId,
            String type,
            String aggregateId,
            Long sequenceNumber,
            Instant enqueuedAt,
            Instant lastTouched,
            String cause) {}
}
