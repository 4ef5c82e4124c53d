package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.transaction.CannotCreateTransactionException;

/** The readiness group's {@code eventStore} component: down while the store cannot be read. */
class EventStoreHealthIndicatorTest {

    @Test
    void isDownWhileTheStoreCannotBeRead() {
        EventStore unreachable = mock(EventStore.class);
        when(unreachable.createHeadToken())
                .thenThrow(new CannotCreateTransactionException("Connection is not available, request timed out"));

        assertThat(new EventStoreHealthIndicator(unreachable).health().getStatus())
                .isEqualTo(Status.DOWN);
    }
}
