package io.ordo.platform.history;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Orders and products as they were, by version and by instant, rebuilt from the H2 event store over real HTTP. */
@HttpTest
class TimeTravelTest {

    private static final Duration SAGA_WAIT = Duration.ofSeconds(60);

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void rebuildsAnOrderAsItWasAfterEachVersion() {
        String orderId = placeAndChange();

        JsonNode placed = history(orderId, "version=0");
        assertThat(placed.get("status").asText()).isEqualTo("PLACED");
        assertThat(placed.get("version").asLong()).isZero();
        assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("23.25");
        assertThat(placed.get("lines"))
                .extracting(l -> l.get("productId").asText() + " x" + l.get("quantity"))
                .containsExactly("sku-1 x2", "sku-2 x1");

        JsonNode changed = history(orderId, "version=2");
        assertThat(changed.get("lines"))
                .extracting(l -> l.get("productId").asText() + " x" + l.get("quantity"))
                .containsExactly("sku-1 x3", "sku-2 x1", "sku-3 x4");
        assertThat(changed.get("total").decimalValue()).isEqualByComparingTo("40.71");
        assertThat(changed.get("currency").asText()).isEqualTo("EUR");

        JsonNode confirmed = history(orderId, "version=4");
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("total").decimalValue()).isEqualByComparingTo("36.46");
        assertThat(confirmed.has("paymentStatus")).isFalse();
        assertThat(confirmed.get("recordedAt").asText()).isNotBlank();

        // the fulfilment saga asks for payment: version 5 appears once it has
        JsonNode awaitingPayment = await().atMost(SAGA_WAIT)
                .until(() -> http.get("/api/orders/" + orderId + "/history?version=5"), r -> r.status() == 200)
                .json();
        assertThat(awaitingPayment.get("paymentStatus").asText()).isEqualTo("REQUESTED");
        assertThat(awaitingPayment.get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void rebuildsAnOrderAsItWasAtAnInstant() {
        String orderId = placeAndChange();
        // every event there will be, the saga's payment request (version 5) included
        await().atMost(SAGA_WAIT)
                .until(() -> http.get("/api/orders/" + orderId + "/history?version=5")
                                .status()
                        == 200);
        JsonNode events = http.get("/api/orders/" + orderId + "/events").json().get("events");

        for (JsonNode event : events) {
            Instant recorded = Instant.parse(event.get("timestamp").asText());
            // the last event recorded at or before that instant (several may share a millisecond)
            long expected = 0;
            for (JsonNode other : events) {
                if (!Instant.parse(other.get("timestamp").asText()).isAfter(recorded)) {
                    expected = Math.max(expected, other.get("sequence").asLong());
                }
            }
            JsonNode then = history(orderId, "at=" + recorded);
            assertThat(then.get("version").asLong()).as("at %s", recorded).isEqualTo(expected);
            assertThat(then.get("recordedAt").asText())
                    .isEqualTo(events.get((int) expected).get("timestamp").asText());
        }
        JsonNode later = history(orderId, "at=" + Instant.now().plusSeconds(60));
        assertThat(later.get("version").asLong()).isEqualTo(5);
    }

    @Test
    void rebuildsAProductsCatalogEntryAndStockAsTheyWere() {
        String productId = "sku-history-" + UUID.randomUUID();
        Products.ensureRegistered(http, productId, "History Mug", "3.00", 10);
        assertThat(http.patch("/api/products/" + productId + "/price", "{\"unitPrice\":3.50}")
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/products/" + productId + "/restock", "{\"quantity\":5}")
                        .status())
                .isEqualTo(200);
        String orderId = "order-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", """
                        {"orderId":"%s","customerId":"customer-1","currency":"EUR",
                         "lines":[{"productId":"%s","quantity":2}],
                         "shippingAddress":{"name":"Ada","street":"1 Main St","postalCode":"1000",
                                            "city":"Brussels","country":"BE"}}
                        """.formatted(orderId, productId)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        JsonNode reserved = await().atMost(SAGA_WAIT)
                .until(() -> http.get("/api/products/" + productId + "/history?version=3"), r -> r.status() == 200)
                .json();
        assertThat(http.post("/api/products/" + productId + "/discontinue", null)
                        .status())
                .isEqualTo(200);

        JsonNode registered = productHistory(productId, "version=0");
        assertThat(registered.get("name").asText()).isEqualTo("History Mug");
        assertThat(registered.get("unitPrice").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(registered.get("available").asInt()).isEqualTo(10);
        assertThat(registered.get("discontinued").asBoolean()).isFalse();
        JsonNode restocked = productHistory(productId, "version=2");
        assertThat(restocked.get("unitPrice").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(restocked.get("available").asInt()).isEqualTo(15);
        assertThat(reserved.get("available").asInt()).isEqualTo(13);
        assertThat(reserved.get("reserved").asInt()).isEqualTo(2);
        assertThat(reserved.get("committed").asInt()).isZero();
        assertThat(productHistory(productId, "version=4").get("discontinued").asBoolean())
                .isTrue();
        Instant registeredAt = Instant.parse(registered.get("recordedAt").asText());
        assertThat(productHistory(productId, "at=" + registeredAt)
                        .get("version")
                        .asLong())
                .isZero();
    }

    @Nested
    class BeforeItExisted {

        @Test
        void anOrderBeforeItsFirstEventIsNotFound() {
            String orderId = placeAndChange();
            Instant placedAt = Instant.parse(
                    history(orderId, "version=0").get("recordedAt").asText());

            Response response = http.get("/api/orders/" + orderId + "/history?at=" + placedAt.minusMillis(1));

            assertProblem(response, 404);
            assertThat(response.json().get("detail").asText()).contains(orderId).contains("did not exist");
        }

        @Test
        void aVersionTheOrderNeverReachedIsNotFound() {
            String orderId = placeAndChange();

            Response response = http.get("/api/orders/" + orderId + "/history?version=99");

            assertProblem(response, 404);
            assertThat(response.json().get("detail").asText()).contains("never had version 99");
        }

        @Test
        void anUnknownOrderOrProductIsNotFound() {
            assertProblem(http.get("/api/orders/nope-" + UUID.randomUUID() + "/history?version=0"), 404);
            assertProblem(http.get("/api/products/nope-" + UUID.randomUUID() + "/history?version=0"), 404);
            // a product's id is no order
            assertProblem(http.get("/api/orders/sku-1/history?version=0"), 404);
        }
    }

    @Nested
    class BadRequests {

        @Test
        void exactlyOneOfAtAndVersionIsNeeded() {
            assertProblem(http.get("/api/orders/order-1/history"), 400);
            assertProblem(http.get("/api/orders/order-1/history?version=1&at=2026-01-01T00:00:00Z"), 400);
            assertProblem(http.get("/api/products/sku-1/history"), 400);
        }

        @Test
        void theValuesMustMakeSense() {
            assertProblem(http.get("/api/orders/order-1/history?version=-1"), 400);
            assertProblem(http.get("/api/orders/order-1/history?version=first"), 400);
            assertProblem(http.get("/api/orders/order-1/history?at=yesterday"), 400);
            assertProblem(http.get("/api/products/sku-1/history?at=2026-13-01T00:00:00Z"), 400);
        }
    }

    /** Versions 0 to 4: placed, a line added, a quantity changed, a line removed, confirmed. */
    private String placeAndChange() {
        String orderId = "order-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-1")).status())
                .isEqualTo(201);
        assertOk(http.post("/api/orders/" + orderId + "/lines", line("sku-3", 4, "1.99")));
        assertOk(http.patch("/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":3}"));
        assertOk(http.delete("/api/orders/" + orderId + "/lines/sku-2"));
        assertOk(http.post("/api/orders/" + orderId + "/confirm", null));
        return orderId;
    }

    private JsonNode history(String orderId, String query) {
        Response response = http.get("/api/orders/" + orderId + "/history?" + query);
        assertOk(response);
        return response.json();
    }

    private JsonNode productHistory(String productId, String query) {
        Response response = http.get("/api/products/" + productId + "/history?" + query);
        assertOk(response);
        return response.json();
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body())
                .doesNotContainPattern("(Exception|\\bat [a-z]+\\.|io\\.ordo|org\\.axonframework|java\\.)");
    }
}
