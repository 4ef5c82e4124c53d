package io.ordo.operations.processors;

import java.util.List;

/**
 * One event processor as an operator sees it. {@code lag} is how many events the slowest segment is behind the head
 * of the store; {@code replaying} is true while any segment still works through a reset.
 */
public record ProcessorStatus(
        String name,
        String mode,
        boolean supportsReplay,
        boolean replaying,
        long headPosition,
        long lag,
        boolean errorState,
        List<SegmentStatus> segments) {

    /** A segment as the token store and, where this node holds it, the processor report it. */
    public record SegmentStatus(
            int segment,
            String owner,
            boolean claimedHere,
            long position,
            long lag,
            boolean replaying,
            Integer replayProgressPercent,
            String error) {}
}
