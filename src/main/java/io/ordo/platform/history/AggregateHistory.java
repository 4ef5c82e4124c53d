package io.ordo.platform.history;

import io.ordo.shared.AsOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds an event-sourced aggregate as it was at a point of its history: its stored events up to that point, upcast
 * as for any load, are applied to a new instance through the aggregate's own {@code @EventSourcingHandler}s, the code
 * that loads it for a command. So the past state is exactly what the aggregate knew then, with no second fold to keep
 * in step. A snapshot is never used, since it holds only the state at its own version. Nothing is locked and nothing
 * is published: the instance is thrown away after the caller has read it.
 */
@Component
public class AggregateHistory {

    private final EventStore eventStore;
    private final ParameterResolverFactory parameterResolverFactory;
    private final HandlerDefinition handlerDefinition;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateHistory(
            EventStore eventStore,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition) {
        this.eventStore = eventStore;
        this.parameterResolverFactory = parameterResolverFactory;
        this.handlerDefinition = handlerDefinition;
    }

    /** An aggregate as it was after the event with sequence number {@code version}, recorded at {@code recordedAt}. */
    public record Past<T>(T aggregate, long version, Instant recordedAt) {}

    /**
     * The aggregate of this type and id as it was at {@code asOf}, or empty if it did not exist then: no event of it
     * had been recorded by that instant, it never reached that version, or the id belongs to no aggregate of this type.
     */
    public <T> Optional<Past<T>> rebuild(Class<T> aggregateType, String aggregateId, AsOf asOf) {
        AggregateModel<T> model = model(aggregateType);
        List<DomainEventMessage<?>> events = eventsUpTo(model.type(), aggregateId, asOf);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DomainEventMessage<?> last = events.get(events.size() - 1);
        if (!asOf.isReachedBy(last.getSequenceNumber())) {
            return Optional.empty();
        }
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, events.get(0));
        EventSourcedAggregate<T> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return Optional.of(new Past<>(aggregate.getAggregateRoot(), last.getSequenceNumber(), last.getTimestamp()));
    }

    /** The events from the first up to the point, read lazily so a point early in a long history reads little. */
    private List<DomainEventMessage<?>> eventsUpTo(String type, String aggregateId, AsOf asOf) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        // from the first event: readEvents(id) would start at the latest snapshot
        DomainEventStream stored = eventStore.readEvents(aggregateId, 0);
        while (stored.hasNext()) {
            DomainEventMessage<?> next = stored.peek();
            if (!type.equals(next.getType())) {
                return List.of();
            }
            if (!asOf.includes(next.getSequenceNumber(), next.getTimestamp())) {
                break;
            }
            events.add(stored.next());
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> aggregateType) {
        return (AggregateModel<T>) models.computeIfAbsent(
                aggregateType,
                type -> AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        type, parameterResolverFactory, handlerDefinition));
    }
}
