package io.ordo.operations.processors;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.query.OrderProjections;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replaying a processor rebuilds exactly the rows it had: the read side is a pure function of the event store. */
@HttpTest
class ProcessorReplayTest {

    /** Every projection table of the "orders" processor, each with a total order on its rows. */
    private static final Map<String, String> ORDERS_TABLES = Map.of(
            "order_summary", "select * from order_summary order by order_id",
            "order_detail", "select * from order_detail order by order_id",
            "order_detail_line", "select * from order_detail_line order by order_id, position");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Value("${ordo.processors.segments}")
    int segments;

    @Autowired
    HttpJson http;

    HttpJson admin;

    @BeforeEach
    void client() {
        admin = http.asAdmin();
        Products.ensureStandardProducts(http);
    }

    @Test
    void replayingRebuildsIdenticalRowsAndRefusesASecondReplayMeanwhile() {
        // enough events that the replay is still running when the second request arrives
        fillTheStore(300);
        awaitQuiet();
        Map<String, List<Map<String, Object>>> before = snapshot();

        Response replay = admin.post("/api/admin/processors/orders/replay", null);
        Response second = admin.post("/api/admin/processors/orders/replay", null);

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().get("replaying").asBoolean()).isTrue();
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains("already replaying");
        awaitCaughtUp("orders");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void listsEveryProcessorWithItsSegmentsOwnersAndLag() {
        fillTheStore(5);
        awaitCaughtUp("orders");

        JsonNode processors = admin.get("/api/admin/processors").json();

        assertThat(processors).extracting(p -> p.get("name").asText()).contains("orders", "customers");
        JsonNode orders = admin.get("/api/admin/processors/orders").json();
        assertThat(orders.get("mode").asText()).isEqualTo("pooled");
        assertThat(orders.get("supportsReplay").asBoolean()).isTrue();
        assertThat(orders.get("headPosition").asLong()).isPositive();
        assertThat(orders.get("segments")).hasSize(segments);
        assertThat(orders.get("segments")).allSatisfy(segment -> {
            assertThat(segment.get("owner").asText()).isNotBlank();
            assertThat(segment.get("claimedHere").asBoolean()).isTrue();
        });
    }

    /**
     * A replay from an instant would empty the read model and rebuild only what follows it; it is refused, in the past
     * as after the head, and the read model keeps every order.
     */
    @Test
    void aReplayFromAnInstantIsRefusedAndLosesNothing() {
        fillTheStore(3);
        awaitQuiet();
        Map<String, List<Map<String, Object>>> before = snapshot();

        for (String from : List.of("2999-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "yesterday")) {
            Response replay = admin.post("/api/admin/processors/orders/replay?from=" + from, null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(400);
            assertThat(replay.contentType()).startsWith("application/problem+json");
        }

        assertThat(admin.get("/api/admin/processors/orders")
                        .json()
                        .get("replaying")
                        .asBoolean())
                .isFalse();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before.get("order_detail")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theReplayIsDescribedAsAFullRebuild() {
        JsonNode replay = http.get("/v3/api-docs").json().at("/paths/~1api~1admin~1processors~1{name}~1replay/post");
        assertThat(replay.get("description").asText()).contains("full rebuild", "`from`", "400");
        assertThat(replay.path("parameters").toString()).doesNotContain("\"from\"");
    }

    /** A processor that no instance runs while events arrive: the list, the health and a gauge say so. */
    @Test
    void aSegmentBehindThatNobodyClaimsDegradesTheHealth() {
        StreamingEventProcessor customers = processing
                .eventProcessor(OrderProjections.CUSTOMERS_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        customers.shutdownAsync().join();
        try {
            fillTheStore(1);

            JsonNode status = admin.get("/api/admin/processors/customers").json();
            assertThat(status.get("problems").toString()).contains("behind and unclaimed");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode health = admin.get("/actuator/health").json();
                assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
                assertThat(health.at("/components/eventProcessors/details/problems/customers")
                                .toString())
                        .contains("unclaimed");
                assertThat(admin.get("/actuator/metrics/ordo.processor.unclaimed_segments?tag=processor:customers")
                                .json()
                                .at("/measurements/0/value")
                                .asDouble())
                        .isPositive();
            });
        } finally {
            customers.start();
        }
        awaitCaughtUp("customers");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(admin.get("/actuator/health")
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("UP"));
    }

    @Test
    void anUnknownProcessorIsNotFound() {
        Response response = admin.post("/api/admin/processors/nope/replay", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private void fillTheStore(int orders) {
        for (int i = 0; i < orders; i++) {
            String orderId = "replay-" + i + "-" + System.nanoTime();
            assertThat(http.post("/api/orders", placeOrder(orderId, "customer-" + (i % 7)))
                            .status())
                    .isEqualTo(201);
            if (i % 3 == 0) {
                assertThat(http.post("/api/orders/" + orderId + "/lines", line("sku-3", 1 + i % 5, "1.99"))
                                .status())
                        .isEqualTo(200);
            }
            if (i % 2 == 0) {
                assertThat(http.post("/api/orders/" + orderId + "/confirm", null)
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    private void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = admin.get("/api/admin/processors/" + processor).json();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("lag").asLong()).isZero();
        });
    }

    /** Every processor caught up and the store no longer growing: the sagas have finished their commands too. */
    private void awaitQuiet() {
        long[] lastHead = {-2};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode processors = admin.get("/api/admin/processors").json();
                    long head = processors.get(0).get("headPosition").asLong();
                    long previous = lastHead[0];
                    lastHead[0] = head;
                    assertThat(processors)
                            .allSatisfy(p -> assertThat(p.get("lag").asLong()).isZero());
                    assertThat(head).isEqualTo(previous);
                });
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "order_summary", jdbc.queryForList(ORDERS_TABLES.get("order_summary")),
                "order_detail", jdbc.queryForList(ORDERS_TABLES.get("order_detail")),
                "order_detail_line", jdbc.queryForList(ORDERS_TABLES.get("order_detail_line")));
    }
}
