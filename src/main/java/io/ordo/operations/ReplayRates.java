package io.ordo.operations;

import io.ordo.operations.processors.ProcessorStatus;
import io.ordo.operations.processors.ProcessorStatus.SegmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate of each running replay, as this instance has seen it: from the first time it saw the replay (when it was
 * started here: its start, at position 0) to now. A replay rebuilds from the first event, so the slowest replaying
 * segment's position is how many events are done, and the position the processor had at the reset is the target.
 */
final class ReplayRates {

    /** Below this, a rate says more about the moment of the request than about the replay. */
    private static final Duration SHORTEST_SPAN = Duration.ofMillis(200);

    private final Map<String, Sample> firstSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    ReplayRates(Clock clock) {
        this.clock = clock;
    }

    void started(String processor) {
        firstSeen.put(processor, new Sample(clock.instant(), 0));
    }

    ReplayProgress progress(ProcessorStatus status) {
        if (!status.replaying()) {
            firstSeen.remove(status.name());
            return ReplayProgress.done(status.name());
        }
        long processed = status.segments().stream()
                .filter(SegmentStatus::replaying)
                .mapToLong(segment -> Math.max(0, segment.position()))
                .min()
                .orElse(0);
        long target = status.segments().stream()
                .mapToLong(SegmentStatus::replayTarget)
                .max()
                .orElse(0);
        Instant now = clock.instant();
        Sample first = firstSeen.computeIfAbsent(status.name(), name -> new Sample(now, processed));
        // never 100 % while it runs: the bar reaches 100 % when the replay is done
        int percent = target <= 0 ? 0 : (int) Math.min(99, processed * 100 / target);
        return new ReplayProgress(
                status.name(), true, percent, processed, target, remaining(first, now, processed, target));
    }

    private static Duration remaining(Sample first, Instant now, long processed, long target) {
        Duration span = Duration.between(first.at(), now);
        long progressed = processed - first.processed();
        if (progressed <= 0 || span.compareTo(SHORTEST_SPAN) < 0) {
            return null;
        }
        double eventsPerMilli = (double) progressed / span.toMillis();
        return Duration.ofMillis(Math.round(Math.max(0, target - processed) / eventsPerMilli));
    }

    private record Sample(Instant at, long processed) {}
}
