package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.AxonServerUnreachable;
import io.ordo.support.PaymentProvider;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Axon Server cannot run here, so this proves the wiring: with the {@code axonserver} profile the context's event
 * store, command bus and query bus are Axon Server's. Nothing listens on the address, and the context must start
 * anyway (the connector keeps retrying in the background).
 */
@SpringBootTest(
        properties = {
            "AXON_SERVER=localhost:1",
            // start without a connection: this test is about the wiring (AxonServerMissingIT: the failure at start)
            "ordo.axonserver.start-timeout=0s",
            "ORDO_ADMIN_PASSWORD=admin",
            "ORDO_CLERK_PASSWORD=clerk",
            "ORDO_PAYMENTS_WEBHOOK_SECRET=" + PaymentProvider.DEVELOPMENT_SECRET
        })
@ActiveProfiles({"test", "axonserver"})
@Import(AxonServerUnreachable.class)
// the only class with this configuration: closing its context stops its processors for the rest of the run
@DirtiesContext
class AxonServerProfileTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandBus commandBus;

    @Autowired
    QueryBus queryBus;

    @Test
    void eventsCommandsAndQueriesGoThroughAxonServer() {
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
    }
}
