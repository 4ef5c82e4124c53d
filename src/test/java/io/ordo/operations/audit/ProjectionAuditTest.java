package io.ordo.operations.audit;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.inventory.query.InventoryProjections;
import io.ordo.order.query.OrderProjections;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An audit rebuilds a projection from the events beside the live tables and names every row an SQL statement changed
 * behind the projection's back, with its order and columns, while the live tables keep serving. Other tests of this
 * context may leave differences of their own (parked events), so each check looks at the rows of its own orders.
 */
@HttpTest
class ProjectionAuditTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    HttpJson http;

    HttpJson admin;

    @BeforeEach
    void client() {
        admin = http.asAdmin();
        Products.ensureStandardProducts(http);
    }

    @Test
    void findsNothingInUntouchedTablesAndEveryRowChangedBySqlWithItsOrderAndColumns() {
        String run = "audit-" + System.nanoTime();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String orderId = run + "-" + i;
            assertThat(http.post("/api/orders", placeOrder(orderId, "customer-audit"))
                            .status())
                    .isEqualTo(201);
            orders.add(orderId);
        }
        String stray = run + "-stray";
        Set<String> ours = Set.of(orders.get(0), orders.get(1), orders.get(2), orders.get(3), stray);

        JsonNode clean = auditToTheEnd("orders");
        assertThat(clean.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(clean.get("eventsReplayed").asLong()).isPositive();
        assertThat(differencesOf(clean, ours)).isEmpty();

        Map<String, Object> line =
                jdbc.queryForMap("select * from order_detail_line where order_id = ? and position = 0", orders.get(2));
        Map<String, Object> detail =
                jdbc.queryForMap("select total, carrier from order_detail where order_id = ?", orders.get(1));
        try {
            jdbc.update("update order_summary set status = 'SHIPPED' where order_id = ?", orders.get(0));
            jdbc.update(
                    "update order_detail set total = total + 1, carrier = 'forged' where order_id = ?", orders.get(1));
            jdbc.update("delete from order_detail_line where order_id = ? and position = 0", orders.get(2));
            jdbc.update(
                    "insert into order_summary (order_id, customer_id, status, line_count, total, currency,"
                            + " placed_at, updated_at, version) select ?, customer_id, status, line_count, total,"
                            + " currency, placed_at, updated_at, version from order_summary where order_id = ?",
                    stray,
                    orders.get(3));

            JsonNode audit = auditToTheEnd("orders");

            assertThat(differencesOf(audit, ours))
                    .containsExactlyInAnyOrder(
                            "order_summary " + orders.get(0) + " DIFFERENT [status]",
                            "order_detail " + orders.get(1) + " DIFFERENT [carrier, total]",
                            "order_detail_line " + orders.get(2) + " MISSING_IN_LIVE []",
                            "order_summary " + stray + " EXTRA_IN_LIVE []");
            JsonNode missingLine = StreamSupport.stream(audit.get("differences").spliterator(), false)
                    .filter(difference -> difference.get("kind").asText().equals("MISSING_IN_LIVE"))
                    .filter(difference -> difference.get("owner").asText().equals(orders.get(2)))
                    .findFirst()
                    .orElseThrow();
            assertThat(missingLine.get("key").get("position").asText()).isEqualTo("0");
            // other tests of this context may have left rows of their own orders different (parked events)
            assertThat(audit.get("differenceCount").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(admin.get("/actuator/metrics/ordo.projection.audit.differences?tag=projection:orders")
                            .json()
                            .at("/measurements/0/value")
                            .asDouble())
                    .isEqualTo(audit.get("differenceCount").asDouble());
        } finally {
            jdbc.update("delete from order_summary where order_id = ?", stray);
            jdbc.update("update order_summary set status = 'PLACED' where order_id = ?", orders.get(0));
            jdbc.update(
                    "update order_detail set total = ?, carrier = ? where order_id = ?",
                    detail.get("total"),
                    detail.get("carrier"),
                    orders.get(1));
            jdbc.update(
                    "insert into order_detail_line (order_id, position, product_id, product_name, quantity,"
                            + " unit_price) values (?, ?, ?, ?, ?, ?)",
                    line.get("order_id"),
                    line.get("position"),
                    line.get("product_id"),
                    line.get("product_name"),
                    line.get("quantity"),
                    line.get("unit_price"));
        }
        assertThat(differencesOf(auditToTheEnd("orders"), ours)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from projection_audit where projection = 'orders'", Long.class))
                .as("kept for every instance, and across a restart")
                .isEqualTo(1);
    }

    /**
     * The audit waits for a live processor that is behind the position it compares at; meanwhile the live tables serve
     * reads, and a second audit of the same projection is refused.
     */
    @Test
    void waitsForALiveProcessorBehindWhileTheLiveTablesServeAndRefusesASecondAudit() {
        StreamingEventProcessor products = processing
                .eventProcessor(InventoryProjections.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        String productId = "audit-sku-" + System.nanoTime();
        JsonNode audit;
        products.shutdownAsync().join();
        try {
            Products.ensureRegistered(http, productId, "Audited", "2.50", 7);

            Response started = admin.post("/api/admin/projections/products/audit", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.get("/api/admin/projections/products/audit")
                                    .json()
                                    .get("phase")
                                    .asText())
                            .isEqualTo("WAITING_FOR_LIVE"));
            JsonNode running =
                    admin.get("/api/admin/projections/products/audit").json();
            assertThat(running.get("status").asText()).isEqualTo("RUNNING");
            assertThat(running.get("eventsReplayed").asLong()).isPositive();
            assertThat(http.get("/api/products/sku-1").status()).isEqualTo(200);
            Response second = admin.post("/api/admin/projections/products/audit", null);
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.json().get("detail").asText()).contains("running");
        } finally {
            products.start();
        }
        audit = awaitFinished("products");
        assertThat(audit.get("status").asText()).as(audit.toString()).isEqualTo("COMPLETED");
        assertThat(differencesOf(audit, Set.of(productId, "sku-1", "sku-2", "sku-3")))
                .isEmpty();
        assertThat(http.get("/api/products/" + productId).status()).isEqualTo(200);
    }

    /**
     * Orders that change after the audit's position are ahead of the shadow when compared (here the live processor is
     * held back until they changed, so that they surely are): their rows are compared again once the shadow caught up,
     * so they are not reported as differences.
     */
    @Test
    void reportsNoOrderThatMerelyChangedAfterTheAuditsPosition() {
        String run = "busy-" + System.nanoTime() + "-";
        Set<String> busy = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/orders", placeOrder(run + i, "customer-busy"))
                            .status())
                    .isEqualTo(201);
            busy.add(run + i);
        }
        StreamingEventProcessor orders = processing
                .eventProcessor(OrderProjections.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        long auditPosition;
        orders.shutdownAsync().join();
        try {
            Response started = admin.post("/api/admin/projections/orders/audit", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.get("/api/admin/projections/orders/audit")
                                    .json()
                                    .get("phase")
                                    .asText())
                            .isEqualTo("WAITING_FOR_LIVE"));
            auditPosition = admin.get("/api/admin/projections/orders/audit")
                    .json()
                    .get("position")
                    .asLong();
            for (String orderId : busy) {
                assertThat(http.post("/api/orders/" + orderId + "/lines", line("sku-3", 2, "1.99"))
                                .status())
                        .isEqualTo(200);
            }
        } finally {
            orders.start();
        }

        JsonNode audit = awaitFinished("orders");

        assertThat(differencesOf(audit, busy)).isEmpty();
        assertThat(audit.get("unsettledOwners").asLong())
                .as("settled by the re-check")
                .isZero();
        assertThat(audit.get("position").asLong())
                .as("compared again at a later position")
                .isGreaterThan(auditPosition);
    }

    @Test
    void refusesAnUnknownProjectionAndAnyoneButAnAdmin() {
        for (String name : List.of("nope", "order_summary", "x".repeat(300))) {
            Response response = admin.post("/api/admin/projections/" + name + "/audit", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).doesNotContain(name);
        }
        Response clerk = http.post("/api/admin/projections/orders/audit", null);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/admin/projections/orders/audit").status()).isEqualTo(403);
    }

    private JsonNode auditToTheEnd(String projection) {
        Response started = admin.post("/api/admin/projections/" + projection + "/audit", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return awaitFinished(projection);
    }

    private JsonNode awaitFinished(String projection) {
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode audit =
                    admin.get("/api/admin/projections/" + projection + "/audit").json();
            assertThat(audit.get("status").asText()).isNotEqualTo("RUNNING");
            finished[0] = audit;
        });
        return finished[0];
    }

    /** The differences of these owners, each as "table owner KIND [columns, sorted]". */
    private static List<String> differencesOf(JsonNode audit, Set<String> owners) {
        assertThat(audit.get("status").asText()).as(audit.toString()).isEqualTo("COMPLETED");
        return StreamSupport.stream(audit.get("differences").spliterator(), false)
                .filter(difference -> owners.contains(difference.get("owner").asText()))
                .map(difference -> difference.get("table").asText() + " "
                        + difference.get("owner").asText() + " "
                        + difference.get("kind").asText() + " "
                        + StreamSupport.stream(difference.get("columns").spliterator(), false)
                                .map(JsonNode::asText)
                                .sorted()
                                .collect(Collectors.toList()))
                .toList();
    }
}
