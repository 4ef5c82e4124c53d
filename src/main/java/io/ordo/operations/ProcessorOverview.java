package io.ordo.operations;

import java.time.Instant;
import java.util.List;

/**
 * An event processor as the console's operations screen shows it.
 *
 * @param state {@code replaying}, {@code error} (a segment of this instance is in error), {@code stalled} (a segment
 *     behind that no instance holds) or {@code running}
 * @param lag events the slowest segment is behind the head of the store
 * @param deadLetterQueue whether it parks events that fail (a saga does not: it retries them)
 * @param lastAudit the last projection audit of the processor's read model, or null if it has none or was never
 *     audited
 */
public record ProcessorOverview(
        String name,
        String mode,
        String state,
        boolean supportsReplay,
        boolean streaming,
        long headPosition,
        long lag,
        boolean deadLetterQueue,
        long deadLetters,
        List<String> problems,
        List<Segment> segments,
        Audit lastAudit) {

    /** A segment and who holds its claim: an instance's node name, or null when nobody does. */
    public record Segment(
            int id, String owner, boolean claimedHere, long position, long lag, boolean replaying, String error) {}

    /** The outcome of a projection audit: status, when it finished, how many rows differed, why it failed. */
    public record Audit(String status, Instant finishedAt, long differences, String failure) {}
}
