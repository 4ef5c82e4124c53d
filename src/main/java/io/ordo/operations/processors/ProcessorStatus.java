package io.ordo.operations.processors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One event processor as an operator sees it. {@code lag} is how many events the slowest segment is behind the head
 * of the store; {@code replaying} is true while any segment still works through a reset; {@code deadLetters} is how
 * many events its dead-letter queue holds. {@code problems} says, one sentence each, why it needs an operator: a
 * segment in error, a segment behind that no instance has claimed, parked events. Empty when it is healthy.
 */
public record ProcessorStatus(
        String name,
        String mode,
        boolean supportsReplay,
        boolean replaying,
        long headPosition,
        long lag,
        boolean errorState,
        long deadLetters,
        List<String> problems,
        List<SegmentStatus> segments) {

    public boolean healthy() {
        return problems.isEmpty();
    }

    /**
     * A segment as the token store and, where this node holds it, the processor report it. {@code replayTarget} is the
     * position a replaying segment works up to (-1 when it does not replay): the console estimates the remaining time
     * from it; the API shows the percentage only.
     */
    public record SegmentStatus(
            int segment,
            String owner,
            boolean claimedHere,
            long position,
            long lag,
            boolean replaying,
            Integer replayProgressPercent,
            String error,
            @JsonIgnore long replayTarget) {}
}
