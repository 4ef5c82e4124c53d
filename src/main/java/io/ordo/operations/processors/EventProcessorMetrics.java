package io.ordo.operations.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per processor, tagged {@code processor}: {@code ordo.processor.dead_letters} (events parked),
 * {@code ordo.processor.error} (1 while a segment of this instance is in error), {@code ordo.processor.lag} (events
 * the slowest segment is behind the head) and {@code ordo.processor.unclaimed_segments} (segments behind that nobody
 * holds), from {@link RecentProcessorStatus}: a scrape does not read the token store once per gauge.
 */
@Component
class EventProcessorMetrics {

    private final RecentProcessorStatus recent;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    EventProcessorMetrics(
            RecentProcessorStatus recent, EventProcessingConfiguration processing, MeterRegistry registry) {
        this.recent = recent;
        this.processing = processing;
        this.registry = registry;
    }

    /**
     * The processors exist once Axon has started, which is before the application is ready. Only their names are read
     * here: a status would ask the event store, which may not be reachable yet (Axon Server still connecting).
     */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().keySet().forEach(name -> {
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
        return recent.all().stream().collect(Collectors.toMap(ProcessorStatus::name, status -> status));
    }
}
