package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import io.ordo.support.AxonServerUnreachable;
import io.ordo.support.PaymentProvider;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Axon Server cannot run here, so this proves the wiring: with the {@code axonserver} profile the context's event
 * store, command bus and query bus are Axon Server's. Nothing listens on the address, and the context must start
 * anyway (the connector keeps retrying in the background). It runs as a query instance ({@code ordo.role=query}),
 * which proves what docs/deployment.md promises of Axon Server's routing: Axon subscribes a handler to Axon Server and
 * to the bus's local segment in one call, and on a query instance no command handler is subscribed, so Axon Server
 * never routes a command there, while the projections' query handlers are.
 */
@SpringBootTest(
        properties = {
            "AXON_SERVER=localhost:1",
            // start without a connection: this test is about the wiring (AxonServerMissingIT: the failure at start)
            "ordo.axonserver.start-timeout=0s",
            "ORDO_ADMIN_PASSWORD=admin",
            "ORDO_CLERK_PASSWORD=clerk",
            "ORDO_PAYMENTS_WEBHOOK_SECRET=" + PaymentProvider.DEVELOPMENT_SECRET,
            "ordo.role=query"
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

    @Test
    void aQueryInstanceSubscribesNoCommandHandlerButItsQueryHandlers() {
        CommandGateway local = DefaultCommandGateway.builder()
                .commandBus(((AxonServerCommandBus) commandBus).localSegment())
                .build();
        assertThatThrownBy(() -> local.sendAndWait(new ConfirmOrder("order-1", null)))
                .isInstanceOf(NoHandlerForCommandException.class);

        QueryGateway localQueries = DefaultQueryGateway.builder()
                .queryBus(((AxonServerQueryBus) queryBus).localSegment())
                .build();
        assertThat(localQueries
                        .query(new FindOrder("order-1"), ResponseTypes.optionalInstanceOf(OrderView.class))
                        .join())
                .isEmpty();
    }
}
