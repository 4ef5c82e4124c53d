package io.ordo.platform.readiness;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} health component, part of the readiness group: OUT_OF_SERVICE while a projection (a
 * streaming processor that runs no saga) is further behind the head of the event store than
 * {@code ordo.readiness.max-projection-lag} events, so a load balancer stops sending reads that would be served stale
 * (during a replay, or when this instance fell far behind). A saga behind delays follow-up commands, not reads, so
 * sagas do not count. Positions come from the shared token store, so every instance on one database sees the same
 * read models' lag; a segment this instance works on reports its live position.
 */
@Component("projections")
class ProjectionLagHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EntityManager entityManager;
    private final Serializer tokenSerializer;
    private final long maxLag;

    ProjectionLagHealthIndicator(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            EntityManager entityManager,
            @Qualifier("serializer") Serializer tokenSerializer,
            @Value("${ordo.readiness.max-projection-lag:1000}") long maxLag) {
        super("projection positions cannot be read");
        this.processing = processing;
        this.eventStore = eventStore;
        this.entityManager = entityManager;
        this.tokenSerializer = tokenSerializer;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = position(eventStore.createHeadToken());
        Map<String, Long> lags = new TreeMap<>();
        Set<String> projections = projections();
        for (TokenEntry entry : tokens()) {
            if (projections.contains(entry.getProcessorName())) {
                long lag = Math.max(0, head - position(entry));
                lags.merge(entry.getProcessorName(), lag, Math::max);
            }
        }
        // a projection without tokens has not begun: it has the whole store to project
        projections.forEach(name -> lags.putIfAbsent(name, head + 1));
        boolean behind = lags.values().stream().anyMatch(lag -> lag > maxLag);
        builder.status(behind ? Status.OUT_OF_SERVICE : Status.UP)
                .withDetail("maxLag", maxLag)
                .withDetail("lag", lags);
    }

    /** The streaming processors that feed read models: every one but those that run sagas. */
    private Set<String> projections() {
        Set<String> sagas = processing.sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup)
                .map(processing::eventProcessorByProcessingGroup)
                .flatMap(Optional::stream)
                .map(EventProcessor::getName)
                .collect(Collectors.toSet());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .filter(name -> !sagas.contains(name))
                .collect(Collectors.toSet());
    }

    private long position(TokenEntry entry) {
        EventTrackerStatus live = processing
                .eventProcessor(entry.getProcessorName(), StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().get(entry.getSegment()))
                .orElse(null);
        return live != null ? live.getCurrentPosition().orElse(-1) : position(entry.getToken(tokenSerializer));
    }

    private List<TokenEntry> tokens() {
        return entityManager
                .createQuery("select t from TokenEntry t", TokenEntry.class)
                .getResultList();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
