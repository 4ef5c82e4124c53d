package io.ordo.operations.processors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The status of every processor, read at most once a second for the health check and the gauges: each read asks the
 * token store and every dead-letter queue, and the health check is open to anyone.
 */
@Component
class RecentProcessorStatus {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final ProcessorOperations processors;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last = new Snapshot(Instant.MIN, List.of());

    RecentProcessorStatus(ProcessorOperations processors) {
        this.processors = processors;
    }

    List<ProcessorStatus> all() {
        Snapshot snapshot = last;
        Instant now = clock.instant();
        if (snapshot.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot.processors();
        }
        Snapshot fresh = new Snapshot(now, processors.list());
        last = fresh;
        return fresh.processors();
    }

    private record Snapshot(Instant takenAt, List<ProcessorStatus> processors) {}
}
