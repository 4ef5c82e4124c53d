package io.ordo.platform.projections;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.HttpJson;
import io.ordo.support.OrdoNode;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which transactions wait for the disk on PostgreSQL, observed in the transactions themselves: a handler interceptor
 * on the command bus and on each processor asks PostgreSQL, inside the transaction the handler runs in, for its
 * transaction id and its {@code synchronous_commit}. A row's {@code xmin} is the id of the transaction that last wrote
 * it, so the test finds the very transaction that wrote each projection row, and each event, and what it was set to:
 * which also shows that the projections' JDBC writes go through the connection the setting was made on.
 */
class RelaxedCommitsPostgresIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final List<String> PROCESSORS = List.of("orders", "customers", "products", "order-fulfilment");

    @Test
    void projectionsAndTheSagaCommitWithoutWaitingForTheDiskWhileCommandsWait() {
        try (OrdoNode node = OrdoNode.start("relaxed", postgres.newDurableDatabase())) {
            Transactions seen = observe(node);
            placeAndConfirm(node.http(), "relaxed-1");

            JdbcTemplate sql = node.jdbc();
            assertThat(seen.writerOf(
                            sql,
                            "select xmin from domain_event_entry where aggregate_identifier = 'relaxed-1'"
                                    + " and sequence_number = 0"))
                    .isEqualTo(new Transaction("commands", "on"));
            assertThat(seen.writerOf(sql, "select xmin from order_summary where order_id = 'relaxed-1'"))
                    .isEqualTo(new Transaction("orders", "off"));
            assertThat(seen.writerOf(sql, "select xmin from order_detail where order_id = 'relaxed-1'"))
                    .isEqualTo(new Transaction("orders", "off"));
            assertThat(seen.writerOf(sql, "select xmin from customer_order where order_id = 'relaxed-1'"))
                    .isEqualTo(new Transaction("customers", "off"));
            assertThat(seen.writerOf(sql, "select xmin from product_summary where product_id = 'sku-1'"))
                    .isEqualTo(new Transaction("products", "off"));
            assertThat(seen.settingsOf("order-fulfilment")).containsOnly("off");
        }
    }

    @Test
    void aPropertyForcesTheProjectionsCommitsToDiskAgain() {
        try (OrdoNode node =
                OrdoNode.start("forced", postgres.newDurableDatabase(), "--ordo.processors.synchronous-commit=true")) {
            Transactions seen = observe(node);
            placeAndConfirm(node.http(), "forced-1");

            assertThat(seen.writerOf(node.jdbc(), "select xmin from product_summary where product_id = 'sku-1'"))
                    .isEqualTo(new Transaction("products", "on"));
            assertThat(seen.settingsOf("orders")).containsOnly("on");
        }
    }

    /** Registers the interceptors that record every transaction a command or an event is handled in. */
    private static Transactions observe(OrdoNode node) {
        Transactions seen = new Transactions(node.jdbc());
        node.bean(CommandBus.class).registerHandlerInterceptor(seen.recordAs("commands"));
        EventProcessingConfiguration processing = node.bean(EventProcessingConfiguration.class);
        PROCESSORS.forEach(
                name -> processing.eventProcessor(name).orElseThrow().registerHandlerInterceptor(seen.recordAs(name)));
        return seen;
    }

    /** Registers a product, places an order and confirms it, then waits until the saga requested its payment. */
    private static void placeAndConfirm(HttpJson http, String orderId) {
        Products.ensureStandardProducts(http);
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-" + orderId))
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/orders/" + orderId)
                                .json()
                                .path("paymentStatus")
                                .asText(),
                        "REQUESTED"::equals);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        http.get("/api/products/sku-1").json().path("reserved").asInt() == 2);
    }

    /** Who handled a message in a transaction, and its {@code synchronous_commit}. */
    record Transaction(String handler, String synchronousCommit) {}

    /** The transactions the interceptors saw, by PostgreSQL transaction id. */
    private static final class Transactions {

        private final JdbcTemplate jdbc;
        private final Map<Long, Transaction> byId = new ConcurrentHashMap<>();

        Transactions(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Asks, inside the handler's transaction (the connection bound to it), for its id and its setting. */
        <T extends Message<?>> MessageHandlerInterceptor<T> recordAs(String handler) {
            return (unitOfWork, chain) -> {
                jdbc.query(
                        // a row's xmin is the transaction id's lower 32 bits
                        "select txid_current() % 4294967296, current_setting('synchronous_commit')",
                        row -> {
                            byId.put(row.getLong(1), new Transaction(handler, row.getString(2)));
                        });
                return chain.proceed();
            };
        }

        /** The transaction that wrote the one row {@code xminQuery} selects the {@code xmin} of. */
        Transaction writerOf(JdbcTemplate sql, String xminQuery) {
            Long xmin = sql.queryForObject("select xmin::text::bigint from (" + xminQuery + ") as written", Long.class);
            assertThat(byId).as("the transaction that wrote: " + xminQuery).containsKey(xmin);
            return byId.get(xmin);
        }

        List<String> settingsOf(String handler) {
            List<String> settings = byId.values().stream()
                    .filter(transaction -> transaction.handler().equals(handler))
                    .map(Transaction::synchronousCommit)
                    .toList();
            assertThat(settings).as("transactions of " + handler).isNotEmpty();
            return settings;
        }
    }
}
