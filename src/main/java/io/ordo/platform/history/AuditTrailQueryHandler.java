package io.ordo.platform.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.util.HashMap;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;

/** Reads the audit trail straight from the event store, never from a projection. */
@Component
class AuditTrailQueryHandler {

    /** The metadata key under which every command, and so every event, records who sent it. */
    private static final String PRINCIPAL = "principal";

    private final EventStore eventStore;
    private final ObjectMapper json;

    AuditTrailQueryHandler(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        // keep 9.50 as 9.50: the trail shows amounts exactly as they were recorded
        this.json = json.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    @QueryHandler
    AuditTrail handle(FindAuditTrail query) {
        // from the first event: readEvents(id) would start at the latest snapshot
        List<AuditEntry> events = eventStore
                .readEvents(query.aggregateId(), 0)
                .asStream()
                .filter(event -> event.getType().equals(query.aggregateType()))
                .map(this::entry)
                .toList();
        return new AuditTrail(query.aggregateType(), query.aggregateId(), events);
    }

    private AuditEntry entry(DomainEventMessage<?> event) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return new AuditEntry(
                event.getSequenceNumber(),
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(),
                event.getTimestamp(),
                event.getMetaData().get(PRINCIPAL) instanceof String principal ? principal : null,
                json.valueToTree(event.getPayload()),
                new HashMap<>(event.getMetaData()));
    }
}
