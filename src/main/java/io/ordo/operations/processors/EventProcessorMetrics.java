package io.ordo.operations.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per processor, tagged {@code processor}: {@code ordo.processor.dead_letters} (events parked),
 * {@code ordo.processor.error} (1 while a segment of this instance is in error), {@code ordo.processor.lag} (events
 * the slowest segment is behind the head) and {@code ordo.processor.unclaimed_segments} (segments behind that nobody
 * holds). One scrape reads the token store and the dead-letter counts once for all of them, not once per gauge.
 */
@Component
class EventProcessorMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final ProcessorOperations processors;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    EventProcessorMetrics(ProcessorOperations processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    /** The processors exist once Axon has started, which is before the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        current().keySet().forEach(name -> {
            gauge("ordo.processor.dead_letters", name, "events parked in the dead-letter queue", s -> s.deadLetters());
            gauge("ordo.processor.error", name, "1 while a segment is in error here", s -> s.errorState() ? 1 : 0);
            gauge("ordo.processor.lag", name, "events the slowest segment is behind the head", s -> s.lag());
            gauge(
                    "ordo.processor.unclaimed_segments",
                    name,
                    "segments behind that no instance holds",
                    s -> s.segments().stream()
                            .filter(segment -> segment.owner() == null && segment.lag() > 0)
                            .count());
        });
    }

    private void gauge(String metric, String processor, String description, ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(
                        metric,
                        this,
                        metrics -> Optional.ofNullable(metrics.current().get(processor))
                                .map(value::applyAsDouble)
                                .orElse(Double.NaN))
                .tag("processor", processor)
                .description(description)
                .register(registry);
    }

    private Map<String, ProcessorStatus> current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return last.byName();
        }
        List<ProcessorStatus> all = processors.list();
        Snapshot fresh =
                new Snapshot(now, all.stream().collect(Collectors.toMap(ProcessorStatus::name, status -> status)));
        snapshot = fresh;
        return fresh.byName();
    }

    private record Snapshot(Instant takenAt, Map<String, ProcessorStatus> byName) {}
}
