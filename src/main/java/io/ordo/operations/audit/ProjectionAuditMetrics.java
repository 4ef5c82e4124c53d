package io.ordo.operations.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The last finished audit of each projection as metrics: {@code ordo.projection.audit.differences} (NaN before the
 * first audit, and after a failed one) and {@code ordo.projection.audit.finished} (epoch seconds of the last one), and
 * every audit counted ({@code ordo.projection.audits}, by outcome) and timed ({@code ordo.projection.audit.duration}).
 */
@Component
class ProjectionAuditMetrics {

    private final MeterRegistry registry;

    ProjectionAuditMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String projection, Supplier<Optional<ProjectionAudit>> last) {
        Gauge.builder(
                        "ordo.projection.audit.differences",
                        () -> last.get()
                                .filter(audit -> audit.status() == ProjectionAudit.Status.COMPLETED)
                                .map(audit -> (double) audit.differenceCount())
                                .orElse(Double.NaN))
                .description("Rows in which the projection's last completed audit found the live tables wrong")
                .tag("projection", projection)
                .register(registry);
        Gauge.builder(
                        "ordo.projection.audit.finished",
                        () -> last.get()
                                .map(audit -> audit.finishedAt().getEpochSecond()
                                        + audit.finishedAt().getNano() / 1e9)
                                .orElse(Double.NaN))
                .description("When the projection's last audit finished, in seconds since the epoch")
                .baseUnit("seconds")
                .tag("projection", projection)
                .register(registry);
    }

    void recorded(ProjectionAudit audit) {
        Counter.builder("ordo.projection.audits")
                .description("Projection audits finished, by outcome")
                .tag("projection", audit.projection())
                .tag("outcome", audit.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
        Timer.builder("ordo.projection.audit.duration")
                .description("How long projection audits take")
                .tag("projection", audit.projection())
                .register(registry)
                .record(Duration.between(audit.startedAt(), audit.finishedAt()));
    }
}
