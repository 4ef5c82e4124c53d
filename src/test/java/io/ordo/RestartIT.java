package io.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.inventory.api.commands.RegisterProduct;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The file store outlives the application: a new context reads the old events and rebuilds its projections. */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aNewContextReadsTheEventsOfTheOldOneAndRebuildsTheProjectionsFromThem() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterProduct("sku-1", "Mug", new BigDecimal("9.50"), "EUR", 100));
            commands.sendAndWait(new RegisterProduct("sku-2", "Tea", new BigDecimal("4.25"), "EUR", 100));
            commands.sendAndWait(placeOrder("order-1"));
            commands.sendAndWait(new ConfirmOrder("order-1"));
            commands.sendAndWait(placeOrder("order-2"));
            // confirmed, its stock reserved and its payment requested by the fulfilment saga
            awaitOrder(
                    first, "order-1", OrderStatus.CONFIRMED, view -> view.paymentStatus() == PaymentStatus.REQUESTED);
            awaitOrder(first, "order-2", OrderStatus.PLACED);
        }

        dropReadSide();

        try (ConfigurableApplicationContext second = start()) {
            List<? extends DomainEventMessage<?>> events = second.getBean(EventStore.class)
                    .readEvents("order-1")
                    .asStream()
                    .toList();
            assertThat(events)
                    .extracting(event -> event.getPayloadType().getSimpleName())
                    .containsExactly("OrderPlaced", "OrderConfirmed", "PaymentRequested");

            // all three events projected: CONFIRMED alone can be seen before PaymentRequested has been applied
            OrderView rebuilt = awaitOrder(
                    second, "order-1", OrderStatus.CONFIRMED, view -> view.paymentStatus() == PaymentStatus.REQUESTED);
            assertThat(rebuilt.version()).isEqualTo(2);
            assertThat(rebuilt.total()).isEqualByComparingTo("23.25");
            assertThat(awaitOrder(second, "order-2", OrderStatus.PLACED).lines())
                    .hasSize(2);
        }
    }

    /** Loses every projection row and every processor position, as if the read side had been wiped. */
    private void dropReadSide() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "ordo", "");
                Statement sql = connection.createStatement()) {
            for (String table :
                    List.of("order_detail_line", "order_detail", "order_summary", "customer_order", "token_entry")) {
                sql.executeUpdate("delete from " + table);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrdoApplication.class)
                .run("--ordo.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/ordo";
    }

    private static OrderView awaitOrder(ConfigurableApplicationContext context, String orderId, OrderStatus status) {
        return awaitOrder(context, orderId, status, view -> true);
    }

    private static OrderView awaitOrder(
            ConfigurableApplicationContext context, String orderId, OrderStatus status, Predicate<OrderView> andThen) {
        QueryGateway queries = context.getBean(QueryGateway.class);
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> queries.query(new FindOrder(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                                .join(),
                        order -> order.filter(view -> view.status() == status)
                                .filter(andThen)
                                .isPresent())
                .orElseThrow();
    }

    private static PlaceOrder placeOrder(String orderId) {
        return new PlaceOrder(
                orderId,
                "customer-1",
                "EUR",
                List.of(
                        new OrderLine("sku-1", "Mug", 2, new BigDecimal("9.50")),
                        new OrderLine("sku-2", "Tea", 1, new BigDecimal("4.25"))),
                new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE"));
    }
}
