package io.ordo.order.web;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The REST API over real HTTP against the H2 file store: the whole lifecycle and every class of error. */
@HttpTest
class OrderApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void takesAnOrderThroughItsWholeLifecycle() {
        String orderId = newId();

        Response placed = http.post("/api/orders", placeOrder(orderId, "customer-1"));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + orderId);
        assertThat(placed.json().get("orderId").asText()).isEqualTo(orderId);
        assertThat(placed.json().get("version").asLong()).isZero();

        assertVersion(http.post("/api/orders/" + orderId + "/lines", line("sku-3", 4, "1.99")), 1);
        assertVersion(http.patch("/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":3}"), 2);
        assertVersion(http.delete("/api/orders/" + orderId + "/lines/sku-2"), 3);
        assertVersion(http.post("/api/orders/" + orderId + "/confirm", null), 4);
        // a repeated confirmation changes nothing and answers the order's current version: 4, or 5 when the saga has
        // already asked for payment
        Response confirmedAgain = http.post("/api/orders/" + orderId + "/confirm", null);
        assertThat(confirmedAgain.status()).as(confirmedAgain.toString()).isEqualTo(200);
        assertThat(confirmedAgain.json().get("version").asLong()).isBetween(4L, 5L);
        // the fulfilment saga reserves the stock and asks for payment (version 5)
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/orders/" + orderId)
                                .json()
                                .path("paymentStatus")
                                .asText(),
                        "REQUESTED"::equals);
        assertVersion(
                PaymentProvider.deliver(
                        http, orderId, "{\"providerReference\":\"psp-1\",\"outcome\":\"AUTHORIZED\",\"amount\":36.46}"),
                6);
        assertVersion(
                http.post("/api/orders/" + orderId + "/ship", "{\"carrier\":\"bpost\",\"trackingNumber\":\"TRACK-1\"}"),
                7);
        assertVersion(http.post("/api/orders/" + orderId + "/deliver", null), 8);

        // the saga commits the stock on shipment in parallel, so the read model may need longer than one minVersion
        // wait
        JsonNode order = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/orders/" + orderId).json(),
                        view -> view.get("version").asLong() == 8);
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.get("version").asLong()).isEqualTo(8);
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("36.46");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.at("/shipment/trackingNumber").asText()).isEqualTo("TRACK-1");
        assertThat(order.at("/shippingAddress/city").asText()).isEqualTo("Brussels");

        JsonNode events = http.get("/api/orders/" + orderId + "/events").json().get("events");
        assertThat(events)
                .extracting(event -> event.get("type").asText())
                .containsExactly(
                        "OrderPlaced",
                        "OrderLineAdded",
                        "OrderLineQuantityChanged",
                        "OrderLineRemoved",
                        "OrderConfirmed",
                        "PaymentRequested",
                        "OrderPaid",
                        "OrderShipped",
                        "OrderDelivered");
        assertThat(events)
                .extracting(event -> event.get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events.get(0).at("/payload/customerId").asText()).isEqualTo("customer-1");
        assertThat(events.get(0).at("/metadata/correlationId").asText()).isNotBlank();
        assertThat(events.get(0).get("timestamp").asText()).isNotBlank();
    }

    @Test
    void everyEventCarriesTheRequestIdAndItsCorrelationAndCausation() {
        String orderId = newId();
        Response placed = http.send(
                "POST",
                "/api/orders",
                placeOrder(orderId, "customer-1"),
                "application/json",
                "application/json",
                Map.of("X-Request-Id", "checkout-7f3a"));
        Response confirmed = http.post("/api/orders/" + orderId + "/confirm", null);

        assertThat(placed.header("X-Request-Id")).isEqualTo("checkout-7f3a");
        String generated = confirmed.header("X-Request-Id");
        assertThat(UUID.fromString(generated)).isNotNull();
        JsonNode events = http.get("/api/orders/" + orderId + "/events").json().get("events");
        assertThat(events.get(0).at("/metadata/requestId").asText()).isEqualTo("checkout-7f3a");
        assertThat(events.get(1).at("/metadata/requestId").asText()).isEqualTo(generated);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.at("/metadata/correlationId").asText()).isNotBlank();
            assertThat(event.at("/metadata/causationId").asText()).isNotBlank();
        });
        assertThat(events.get(0).at("/metadata/correlationId").asText())
                .isNotEqualTo(events.get(1).at("/metadata/correlationId").asText());
    }

    @Test
    void listsOrdersNewestFirstWithPageMetadata() {
        String customer = "customer-" + newId();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderId = newId();
            assertThat(http.post("/api/orders", placeOrder(orderId, customer)).status())
                    .isEqualTo(201);
            placed.add(orderId);
        }
        String last = placed.get(2);
        assertVersion(http.post("/api/orders/" + last + "/confirm", null), 1);
        // each order may be projected by another segment: wait for every one of them
        placed.forEach(orderId -> assertThat(
                        http.get("/api/orders/" + orderId + "?minVersion=0").status())
                .isEqualTo(200));
        assertThat(http.get("/api/orders/" + last + "?minVersion=1").status()).isEqualTo(200);

        JsonNode page = http.get("/api/orders?customerId=" + customer + "&page=0&size=2")
                .json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content"))
                .extracting(order -> order.get("orderId").asText())
                .containsExactly(placed.get(2), placed.get(1));

        JsonNode confirmed =
                http.get("/api/orders?status=CONFIRMED&customerId=" + customer).json();
        assertThat(confirmed.get("content"))
                .extracting(order -> order.get("orderId").asText())
                .containsExactly(last);

        JsonNode perCustomer =
                http.get("/api/customers/" + customer + "/orders").json();
        assertThat(perCustomer.get("orderCount").asLong()).isEqualTo(3);
    }

    @Test
    void cancellingTwiceIsANoOpThatAnswersTheSameVersion() {
        String orderId = place();
        String cancel = "{\"reason\":\"changed my mind\"}";
        assertVersion(http.post("/api/orders/" + orderId + "/cancel", cancel), 1);
        assertVersion(http.post("/api/orders/" + orderId + "/cancel", cancel), 1);

        JsonNode order = http.get("/api/orders/" + orderId + "?minVersion=1").json();
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asText()).isEqualTo("changed my mind");
        assertThat(eventCount(orderId)).isEqualTo(2);
    }

    /** The door takes what Money takes: zeros beyond the cents are still the same amount (9.505 is a BadRequest). */
    @Test
    void anAmountWrittenWithTrailingZerosIsThatAmount() {
        String orderId = newId();
        String withZeros = placeOrder(orderId, "customer-1").replace("9.50", "9.500");
        assertThat(withZeros).contains("9.500");

        assertThat(http.post("/api/orders", withZeros).status()).isEqualTo(201);
        JsonNode order = http.get("/api/orders/" + orderId + "?minVersion=0").json();
        assertThat(order.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("9.50");
    }

    @Test
    void aClientMaySupplyItsOwnIdOrHaveOneAssigned() {
        String body = placeOrder(newId(), "customer-1").replaceFirst("\"orderId\":\"[^\"]+\",", "");
        Response placed = http.post("/api/orders", body);

        assertThat(placed.status()).isEqualTo(201);
        String assigned = placed.json().get("orderId").asText();
        assertThat(UUID.fromString(assigned)).isNotNull();
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + assigned);
    }

    @Test
    void waitingForAVersionTheOrderNeverReachesEndsWithServiceUnavailable() {
        String orderId = place();

        Response response = http.get("/api/orders/" + orderId + "?minVersion=99");

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    @Nested
    class BadRequests {

        @Test
        void malformedJsonIsRejected() {
            Response response = http.post("/api/orders", "{\"customerId\": ");
            assertProblem(response, 400);
        }

        @Test
        void aValueOfTheWrongTypeNamesItsField() {
            Response response = http.post(
                    "/api/orders/" + place() + "/lines", line("sku-9", 1, "1").replace("1,", "\"many\","));
            assertProblem(response, 400);
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("quantity");
        }

        @Test
        void everyInvalidFieldGetsItsOwnEntry() {
            Response response = http.post("/api/orders", """
                    {"orderId":"not valid!","currency":"EUR","lines":[],
                     "shippingAddress":{"name":"Ada","street":"1 Main St","postalCode":"1000","city":"Brussels"}}
                    """);

            assertProblem(response, 400);
            assertThat(response.json().get("errors"))
                    .extracting(error -> error.get("field").asText())
                    .containsExactlyInAnyOrder("orderId", "customerId", "lines", "shippingAddress.country");
        }

        @Test
        void aRuleBrokenWhateverTheStateIsABadRequestAndWritesNothing() {
            String orderId = place();
            assertProblem(http.patch("/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":0}"), 400);
            assertProblem(http.post("/api/orders/" + orderId + "/lines", line("sku-8", 1, "-1.00")), 400);
            assertProblem(http.post("/api/orders/" + orderId + "/lines", line("sku-8", 1, "1.001")), 400);
            assertProblem(http.post("/api/orders/" + orderId + "/lines", line("sku-8", 1, "9.505")), 400);
            assertThat(eventCount(orderId)).isEqualTo(1);

            String unknownCurrency = placeOrder(newId(), "customer-1").replace("\"EUR\"", "\"XYZ\"");
            Response response = http.post("/api/orders", unknownCurrency);
            assertProblem(response, 400);
            assertThat(response.json().get("detail").asText()).contains("XYZ");
        }

        @Test
        void queryParametersAreChecked() {
            assertProblem(http.get("/api/orders?page=abc"), 400);
            assertProblem(http.get("/api/orders?size=1000"), 400);
            assertProblem(http.get("/api/orders?status=LOST"), 400);
        }
    }

    @Nested
    class NotFound {

        @Test
        void anUnknownOrderIsNotFound() {
            assertProblem(http.get("/api/orders/nope-" + newId()), 404);
            assertProblem(http.get("/api/orders/nope-" + newId() + "/events"), 404);
        }

        @Test
        void aCommandForAnUnknownOrderIsNotFoundAndCreatesNothing() {
            String orderId = "nope-" + newId();
            Response response = http.post("/api/orders/" + orderId + "/confirm", null);

            assertProblem(response, 404);
            assertThat(response.json().get("detail").asText()).contains(orderId);
            assertProblem(http.get("/api/orders/" + orderId + "/events"), 404);
        }

        @Test
        void anUnknownPathIsNotFound() {
            assertProblem(http.get("/api/nothing-here"), 404);
        }
    }

    @Nested
    class Conflicts {

        @Test
        void aCommandTheStateForbidsIsAConflictThatSaysWhyAndWritesNothing() {
            String orderId = place();
            Response response =
                    http.post("/api/orders/" + orderId + "/ship", "{\"carrier\":\"bpost\",\"trackingNumber\":\"T\"}");

            assertProblem(response, 409);
            assertThat(response.json().get("detail").asText())
                    .contains("PLACED")
                    .contains("PAID");
            assertThat(eventCount(orderId)).isEqualTo(1);
        }

        @Test
        void placingTheSameOrderTwiceIsAConflict() {
            String orderId = place();
            Response response = http.post("/api/orders", placeOrder(orderId, "customer-2"));

            assertProblem(response, 409);
            assertThat(response.json().get("detail").asText()).contains(orderId);
            assertThat(eventCount(orderId)).isEqualTo(1);
        }
    }

    @Nested
    class ProtocolErrors {

        @Test
        void anUnsupportedMethodIsAProblem() {
            assertProblem(http.send("PUT", "/api/orders", "{}", "application/json", "application/json"), 405);
        }

        @Test
        void anUnsupportedMediaTypeIsAProblem() {
            assertProblem(http.send("POST", "/api/orders", "hello", "text/plain", "application/json"), 415);
        }

        @Test
        void anUnacceptableResponseTypeIsAProblem() {
            assertProblem(http.send("GET", "/api/orders", null, null, "application/xml"), 406);
        }
    }

    @Test
    void describesItselfWithOpenApiAndReportsTheStoreHealth() {
        Response apiDocs = http.get("/v3/api-docs");
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.json().get("paths").has("/api/orders/{orderId}/confirm"))
                .isTrue();
        assertThat(http.send("GET", "/swagger-ui/index.html", null, null, "text/html")
                        .status())
                .isEqualTo(200);

        JsonNode health = http.asAdmin().get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    }

    private String place() {
        String orderId = newId();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-1")).status())
                .isEqualTo(201);
        return orderId;
    }

    private int eventCount(String orderId) {
        return http.get("/api/orders/" + orderId + "/events")
                .json()
                .get("events")
                .size();
    }

    private static void assertVersion(Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContainPattern("(Exception|\\bat [a-z]+\\.|io\\.ordo|org\\.axonframework)");
    }

    private static String newId() {
        return "order-" + UUID.randomUUID();
    }
}
