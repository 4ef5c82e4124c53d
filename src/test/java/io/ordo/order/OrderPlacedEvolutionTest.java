package io.ordo.order;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code OrderPlaced} revision 2 added the sales channel. Orders stored as revision 1, written here straight into the
 * event table as the old class wrote them, still load, replay into the projections and show in the history and the
 * audit trail, all as placed through the web shop.
 */
@HttpTest
class OrderPlacedEvolutionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void anOrderStoredAsRevisionOneLoadsReplaysAndShowsTheWebChannel() {
        String orderId = "order-" + UUID.randomUUID();
        storeRevisionOneOrderPlaced(orderId);

        // the aggregate loads from the upcast event and takes commands
        assertVersion(http.post("/api/orders/" + orderId + "/lines", line("sku-3", 4, "1.99")), 1);
        assertVersion(http.patch("/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":3}"), 2);

        // lose the order's rows, then rebuild every projection of the processor from the event store
        assertThat(http.get("/api/orders/" + orderId + "?minVersion=2").status())
                .isEqualTo(200);
        jdbc.update("delete from order_detail_line where order_id = ?", orderId);
        jdbc.update("delete from order_detail where order_id = ?", orderId);
        // meanwhile the history, read from the event store, does not miss the projection
        assertThat(http.get("/api/orders/" + orderId).status()).isEqualTo(404);
        assertThat(http.get("/api/orders/" + orderId + "/history?version=2").status())
                .isEqualTo(200);
        Response replay = http.asAdmin().post("/api/admin/processors/orders/replay", null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        awaitCaughtUp("orders");

        JsonNode order = http.get("/api/orders/" + orderId + "?minVersion=2").json();
        assertThat(order.get("salesChannel").asText()).isEqualTo("web");
        assertThat(order.get("customerId").asText()).isEqualTo("customer-7");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("36.46");
        assertThat(order.get("version").asLong()).isEqualTo(2);

        JsonNode placed =
                http.get("/api/orders/" + orderId + "/history?version=0").json();
        assertThat(placed.get("salesChannel").asText()).isEqualTo("web");
        assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("19.00");
        JsonNode now = http.get("/api/orders/" + orderId + "/history?version=2").json();
        assertThat(now.get("salesChannel").asText()).isEqualTo("web");
        assertThat(now.get("lines")).hasSize(2);

        JsonNode events = http.get("/api/orders/" + orderId + "/events").json().get("events");
        assertThat(events)
                .extracting(event -> event.get("type").asText())
                .containsExactly("OrderPlaced", "OrderLineAdded", "OrderLineQuantityChanged");
        assertThat(events.get(0).at("/payload/salesChannel").asText()).isEqualTo("web");
        assertThat(events.get(0).at("/payload/customerId").asText()).isEqualTo("customer-7");
        assertThat(events.get(0).at("/metadata/requestId").asText()).isEqualTo("legacy-request");
    }

    @Test
    void anOrderKeepsTheChannelItCameThroughAndDefaultsToTheWeb() {
        String byPhone = "order-" + UUID.randomUUID();
        String body = placeOrder(byPhone, "customer-1").replaceFirst("\\{", "{\"salesChannel\":\"phone\",");
        assertThat(http.post("/api/orders", body).status()).isEqualTo(201);
        String unnamed = "order-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(unnamed, "customer-1")).status())
                .isEqualTo(201);

        assertThat(http.get("/api/orders/" + byPhone + "?minVersion=0")
                        .json()
                        .get("salesChannel")
                        .asText())
                .isEqualTo("phone");
        assertThat(http.get("/api/orders/" + byPhone + "/history?version=0")
                        .json()
                        .get("salesChannel")
                        .asText())
                .isEqualTo("phone");
        JsonNode stored = http.get("/api/orders/" + byPhone + "/events").json().at("/events/0");
        assertThat(stored.get("revision").asText()).isEqualTo("2");
        assertThat(stored.at("/payload/salesChannel").asText()).isEqualTo("phone");
        assertThat(http.get("/api/orders/" + unnamed + "?minVersion=0")
                        .json()
                        .get("salesChannel")
                        .asText())
                .isEqualTo("web");
    }

    @Test
    void anUnknownChannelIsABadRequestThatNamesTheField() {
        String body = placeOrder("order-" + UUID.randomUUID(), "customer-1")
                .replaceFirst("\\{", "{\"salesChannel\":\"carrier-pigeon\",");

        Response response = http.post("/api/orders", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("salesChannel");
        assertThat(response.json().at("/errors/0/message").asText()).contains("web");
    }

    /** One row exactly as Ordo wrote it before revision 2: the payload of the old class, revision "1". */
    private void storeRevisionOneOrderPlaced(String orderId) {
        String payload = """
                {"orderId":"%s","customerId":"customer-7","currency":"EUR",\
                "lines":[{"productId":"sku-1","productName":"Mug","quantity":2,"unitPrice":9.50}],\
                "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","postalCode":"1000",\
                "city":"Brussels","country":"BE"},"total":19.00}""".formatted(orderId);
        String correlation = UUID.randomUUID().toString();
        String metaData = """
                {"causationId":"%s","correlationId":"%s","requestId":"legacy-request"}""".formatted(correlation, correlation);
        jdbc.update(
                """
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                values (next value for domain_event_global_index_seq, ?, 0, 'Order', ?, '2025-03-14T09:26:53.589Z',
                    'io.ordo.order.api.OrderPlaced', '1', ?, ?)
                """,
                orderId,
                UUID.randomUUID().toString(),
                payload.getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitCaughtUp(String processor) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status =
                    http.asAdmin().get("/api/admin/processors/" + processor).json();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("lag").asLong()).isZero();
        });
    }

    private static void assertVersion(Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }
}
