package io.ordo.platform;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Up when the event store answers a read of its head: the store that everything else is rebuilt from. */
@Component
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        super("event store is not readable");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        builder.up()
                .withDetail("store", eventStore.getClass().getSimpleName())
                .withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
