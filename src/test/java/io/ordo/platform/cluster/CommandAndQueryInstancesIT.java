package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.Orders;
import io.ordo.support.OrdoNode;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side scaled on its own: one command instance and two query instances ({@code ordo.role}) on one real
 * PostgreSQL, as docs/deployment.md lays them out behind a load balancer that sends commands to the one and reads to
 * the others. Orders go in through the command instance; both query instances project them and answer for every one;
 * a command sent to a query instance is refused with 421 and writes nothing.
 */
class CommandAndQueryInstancesIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String[] PROJECTIONS = {"orders", "customers", "products", "analytics"};

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static OrdoNode command;
    static OrdoNode queryA;
    static OrdoNode queryB;
    static JdbcTemplate sql;
    static SegmentClaims claims;

    @BeforeAll
    static void startOneCommandAndTwoQueryInstances() {
        String database = postgres.newDatabase();
        sql = postgres.jdbc(database);
        claims = new SegmentClaims(sql);
        command = OrdoNode.start("command-1", database, SegmentClaims.instance("command-1", "--ordo.role=command"));
        queryA = OrdoNode.start("query-1", database, SegmentClaims.instance("query-1", "--ordo.role=query"));
        queryB = OrdoNode.start("query-2", database, SegmentClaims.instance("query-2", "--ordo.role=query"));
        Products.ensureStandardProducts(command.http());
    }

    @AfterAll
    static void stopInstances() {
        for (OrdoNode node : new OrdoNode[] {queryB, queryA, command}) {
            if (node != null && node.isRunning()) {
                node.close();
            }
        }
    }

    @Test
    void ordersPlacedAtTheCommandInstanceAreReadAtEachQueryInstance() {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String orderId = "cq-" + i;
            Response placed = command.http().post("/api/orders", Orders.placeOrder(orderId, "cq-customer-" + i % 3));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            orderIds.add(orderId);
        }

        for (OrdoNode reader : List.of(queryA, queryB)) {
            for (String orderId : orderIds) {
                Response read = reader.http().get("/api/orders/" + orderId + "?minVersion=0");
                assertThat(read.status()).as(reader + " " + read).isEqualTo(200);
                assertThat(read.json().get("orderId").asText()).isEqualTo(orderId);
            }
            Response listed = reader.http().get("/api/orders?customerId=cq-customer-1&size=100");
            assertThat(listed.status()).as(reader + " " + listed).isEqualTo(200);
            assertThat(listed.json().get("totalElements").asLong()).isEqualTo(4);
        }
        new ReadModelAudit(sql, "cq-").awaitProjectionsMatchEventStore();
    }

    @Test
    void theQueryInstancesShareTheProjectionsAndTheCommandInstanceRunsTheSaga() {
        await().atMost(SETTLE).untilAsserted(() -> {
            Map<String, Map<String, Integer>> owners = claims.owners();
            for (String projection : PROJECTIONS) {
                assertThat(owners.get(projection)).as(projection).isEqualTo(Map.of("query-1", 2, "query-2", 2));
            }
            assertThat(owners.get("order-fulfilment")).isEqualTo(Map.of("command-1", 4));
        });

        String orderId = "cq-confirmed";
        assertThat(command.http()
                        .post("/api/orders", Orders.placeOrder(orderId, "cq-saga"))
                        .status())
                .isEqualTo(201);
        assertThat(command.http()
                        .post("/api/orders/" + orderId + "/confirm", null)
                        .status())
                .isEqualTo(200);
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(queryA.http()
                                .get("/api/orders/" + orderId)
                                .json()
                                .path("paymentStatus")
                                .asText())
                        .isEqualTo("REQUESTED"));

        assertThat(command.bean(Scheduler.class)).isNotNull();
        for (OrdoNode query : List.of(queryA, queryB)) {
            assertThatThrownBy(() -> query.bean(Scheduler.class)).isInstanceOf(NoSuchBeanDefinitionException.class);
        }
    }

    @Test
    void aQueryInstanceRefusesEveryCommandAndWritesNothing() {
        assertThat(command.http()
                        .post("/api/orders", Orders.placeOrder("cq-target", "cq-refused"))
                        .status())
                .isEqualTo(201);
        // checked against the query instance's own served description, which lists the 421
        HttpJson clerk = queryA.http();
        HttpJson admin = clerk.asAdmin();
        List<Response> refused = List.of(
                clerk.send(
                        "POST",
                        "/api/orders",
                        Orders.placeOrder("cq-refused", "cq-refused"),
                        "application/json",
                        "application/json"),
                clerk.post("/api/orders/cq-target/confirm", null),
                clerk.post("/api/orders/cq-target/lines", Orders.line("sku-3", 1, "1.99")),
                clerk.delete("/api/orders/cq-target/lines/sku-1"),
                admin.post("/api/products", Products.product("cq-sku", "Refused", "1.00", 5)),
                admin.patch("/api/products/sku-1/price", "{\"unitPrice\":1.00,\"currency\":\"EUR\"}"),
                PaymentProvider.deliver(
                        queryB.http(), "cq-target", PaymentProvider.payment("cq-payment", "AUTHORIZED", "23.25")));
        for (Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(421);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("role").asText()).isEqualTo("query");
            assertThat(response.json().get("detail").asText()).contains("command or all");
        }

        Integer idempotencyRows = sql.queryForObject("select count(*) from idempotency_record", Integer.class);
        Response withKey = clerk.send(
                "POST",
                "/api/orders",
                Orders.placeOrder("cq-refused", "cq-refused"),
                "application/json",
                "application/json",
                Map.of("Idempotency-Key", "cq-refused-1"));
        assertThat(withKey.status()).isEqualTo(421);
        assertThat(sql.queryForObject("select count(*) from idempotency_record", Integer.class))
                .isEqualTo(idempotencyRows);
        assertThat(sql.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier in ('cq-refused', 'cq-sku')",
                        Integer.class))
                .isZero();
        assertThat(sql.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = 'cq-target'",
                        Integer.class))
                .isEqualTo(1);

        // no aggregate subscribed its command handlers here: with Axon Server no command is ever routed to it
        PlaceOrder place = new PlaceOrder(
                "cq-bus",
                "cq-bus",
                "EUR",
                List.of(),
                new ShippingAddress("Ada Lovelace", "1 Main St", "1000", "Brussels", "BE"),
                null);
        assertThatThrownBy(() -> queryA.bean(CommandGateway.class).sendAndWait(place))
                .isInstanceOf(NoHandlerForCommandException.class);
    }

    @Test
    void aQueryInstanceStillRunsItsProcessorOperationsAndACommandInstanceSendsReadsAway() {
        assertThat(command.http()
                        .post("/api/orders", Orders.placeOrder("cq-elsewhere", "cq-elsewhere"))
                        .status())
                .isEqualTo(201);
        Response processors = queryA.http().asAdmin().get("/api/admin/processors/orders");
        assertThat(processors.status()).as(processors.toString()).isEqualTo(200);

        for (String path :
                List.of("/api/orders/cq-elsewhere", "/api/orders/cq-elsewhere?minVersion=0", "/api/orders")) {
            Response read = command.http().get(path);
            assertThat(read.status()).as(path + " " + read).isEqualTo(421);
            assertThat(read.json().get("role").asText()).isEqualTo("command");
        }
        Response history = command.http().get("/api/orders/cq-elsewhere/events");
        assertThat(history.status()).as("read from the event store: " + history).isEqualTo(200);
    }
}
