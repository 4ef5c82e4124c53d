package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.OrdoApplication;
import io.ordo.support.AxonServerUnreachable;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.PaymentProvider;
import java.sql.Connection;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances with Axon Server run with the profiles {@code axonserver,postgres}: events and message routing in
 * Axon Server, tokens and projections shared in PostgreSQL, segments balanced by Axon Server rather than by Ordo.
 * Axon Server cannot run here, so this proves the wiring against a real PostgreSQL while the connector keeps retrying.
 */
class AxonServerWithPostgresIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @Test
    void sharesTokensAndProjectionsInPostgresAndLeavesRoutingAndBalancingToAxonServer() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        OrdoApplication.class, AxonServerUnreachable.class)
                .run(
                        "--spring.profiles.active=axonserver,postgres",
                        "--AXON_SERVER=localhost:1",
                        // start without a connection: this test is about the wiring
                        "--ordo.axonserver.start-timeout=0s",
                        "--ORDO_ADMIN_PASSWORD=admin",
                        "--ORDO_CLERK_PASSWORD=clerk",
                        "--ORDO_PAYMENTS_WEBHOOK_SECRET=" + PaymentProvider.DEVELOPMENT_SECRET,
                        "--ORDO_DB_URL=" + postgres.newDatabase(),
                        "--ORDO_DB_USER=postgres",
                        "--ORDO_DB_PASSWORD=postgres",
                        "--server.port=0")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JpaTokenStore.class);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            }
            assertThat(context.getBeansOfType(ClusterMembership.class)).isEmpty();
            AxonServerConfiguration.Eventhandling.ProcessorSettings orders = context.getBean(
                            AxonServerConfiguration.class)
                    .getEventhandling()
                    .getProcessors()
                    .get("orders");
            assertThat(orders.getLoadBalancingStrategy()).isEqualTo("threadNumber");
            assertThat(orders.isAutomaticBalancing()).isTrue();
        }
    }
}
