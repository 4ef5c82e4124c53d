package io.ordo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fulfilment flow end to end over real HTTP on the embedded store: catalog, saga, webhook, shipment. */
@HttpTest
class FulfilmentApiTest {

    private static final Duration SAGA_WAIT = Duration.ofSeconds(60);

    @Autowired
    CommandGateway commands;

    @Autowired
    HttpJson http;

    @Test
    void takesAnOrderFromTheCatalogThroughStockAndPaymentToDelivery() {
        String mug = register("Mug", "9.50", 10);
        String tea = register("Tea", "4.25", 5);
        String orderId = newId("order");

        // lines give only product and quantity: the catalog supplies name and price
        Response placed = http.post("/api/orders", order(orderId, line(mug, 2), line(tea, 1)));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);

        JsonNode awaiting = awaitOrder(
                orderId, order -> "REQUESTED".equals(order.path("paymentStatus").asText()));
        assertThat(awaiting.get("total").decimalValue()).isEqualByComparingTo("23.25");
        assertThat(awaiting.at("/lines/0/productName").asText()).isEqualTo("Mug");
        assertThat(awaiting.get("stock").asText()).isEqualTo("RESERVED");
        awaitProduct(mug, product -> product.get("reserved").asInt() == 2);

        Response paid = PaymentProvider.deliver(http, orderId, payment("psp-" + orderId, "AUTHORIZED", "23.25"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        Response again = PaymentProvider.deliver(http, orderId, payment("psp-" + orderId, "AUTHORIZED", "23.25"));
        assertThat(again.json().get("version")).isEqualTo(paid.json().get("version"));

        assertThat(http.post("/api/orders/" + orderId + "/ship", "{\"carrier\":\"bpost\",\"trackingNumber\":\"T-1\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/orders/" + orderId + "/deliver", null).status())
                .isEqualTo(200);

        JsonNode delivered = awaitOrder(
                orderId, order -> "DELIVERED".equals(order.get("status").asText()));
        assertThat(delivered.get("paymentStatus").asText()).isEqualTo("AUTHORIZED");
        assertThat(delivered.get("stock").asText()).isEqualTo("COMMITTED");
        JsonNode mugStock =
                awaitProduct(mug, product -> product.get("committed").asInt() == 2);
        assertThat(mugStock.get("available").asInt()).isEqualTo(8);
        assertThat(mugStock.get("reserved").asInt()).isZero();

        // the saga's effects sit in the order's history in causal order, tied to the confirmation by its trace id
        JsonNode events = http.get("/api/orders/" + orderId + "/events").json().get("events");
        assertThat(events)
                .extracting(event -> event.get("type").asText())
                .containsExactly(
                        "OrderPlaced",
                        "OrderConfirmed",
                        "PaymentRequested",
                        "OrderPaid",
                        "OrderShipped",
                        "OrderDelivered");
        String confirmation = events.get(1).at("/metadata/correlationId").asText();
        assertThat(events.get(2).at("/metadata/correlationId").asText()).isEqualTo(confirmation);
        JsonNode mugEvents = http.get("/api/products/" + mug + "/events").json().get("events");
        assertThat(mugEvents)
                .extracting(event -> event.get("type").asText())
                .containsExactly("ProductRegistered", "StockReserved", "StockCommitted");
        assertThat(mugEvents.get(1).at("/metadata/correlationId").asText()).isEqualTo(confirmation);
    }

    @Test
    void rejectsAnOrderThatIsPartlyOutOfStockAndPutsTheRestBack() {
        String mug = register("Mug", "9.50", 10);
        String tea = register("Tea", "4.25", 1);
        String orderId = newId("order");

        assertThat(http.post("/api/orders", order(orderId, line(mug, 3), line(tea, 2)))
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);

        JsonNode rejected = awaitOrder(
                orderId, order -> "REJECTED".equals(order.get("status").asText()));
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("OUT_OF_STOCK " + tea);
        assertThat(rejected.get("stock").asText()).isEqualTo("RELEASED");
        JsonNode mugStock = awaitProduct(
                mug,
                product -> product.get("available").asInt() == 10
                        && product.get("version").asInt() == 2);
        assertThat(mugStock.get("reserved").asInt()).isZero();
        assertThat(http.get("/api/products/" + tea).json().get("available").asInt())
                .isEqualTo(1);
    }

    @Test
    void cancellingAPaidOrderReleasesItsStockAndRefundsThePayment() {
        String mug = register("Mug", "9.50", 10);
        String orderId = placeAndConfirm(mug, 4);
        awaitOrder(
                orderId, order -> "REQUESTED".equals(order.path("paymentStatus").asText()));
        assertThat(PaymentProvider.deliver(http, orderId, payment("psp-" + orderId, "AUTHORIZED", "38.00"))
                        .status())
                .isEqualTo(200);

        assertThat(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}")
                        .status())
                .isEqualTo(200);

        JsonNode refunded = awaitOrder(
                orderId, order -> "REFUNDED".equals(order.path("paymentStatus").asText()));
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunded.get("cancellationReason").asText()).isEqualTo("changed my mind");
        awaitProduct(mug, product -> product.get("available").asInt() == 10);
    }

    @Test
    void fiftyConcurrentOrdersForTheLastTenUnitsNeverOversell() throws Exception {
        String lastTen = register("Last ten", "5.00", 10);
        String customer = newId("customer");
        int orders = 50;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> confirmations = new ArrayList<>();
        try {
            for (int i = 0; i < orders; i++) {
                String orderId = newId("order");
                confirmations.add(clients.submit(() -> {
                    start.await();
                    http.post("/api/orders", orderFor(customer, orderId, line(lastTen, 1)));
                    return http.post("/api/orders/" + orderId + "/confirm", null)
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> confirmation : confirmations) {
                assertThat(confirmation.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        // stock always adds up while the saga works through the orders
        AtomicInteger samples = new AtomicInteger();
        await().atMost(SAGA_WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode product = http.get("/api/products/" + lastTen).json();
            assertThat(stock(product)).as("available + reserved + committed").isEqualTo(10);
            samples.incrementAndGet();
            assertThat(count(customer, "REJECTED")).isEqualTo(40);
            assertThat(awaitingPayment(customer)).isEqualTo(10);
        });
        assertThat(samples).hasPositiveValue();

        JsonNode product = http.get("/api/products/" + lastTen).json();
        assertThat(product.get("available").asInt()).isZero();
        assertThat(product.get("reserved").asInt()).isEqualTo(10);
        JsonNode rejected = http.get("/api/orders?customerId=" + customer + "&status=REJECTED&size=100")
                .json()
                .get("content");
        String anyRejected = rejected.get(0).get("orderId").asText();
        assertThat(http.get("/api/orders/" + anyRejected)
                        .json()
                        .get("rejectionReason")
                        .asText())
                .isEqualTo("OUT_OF_STOCK " + lastTen);
        JsonNode stockEvents =
                http.get("/api/products/" + lastTen + "/events").json().get("events");
        assertThat(stockEvents)
                .filteredOn(event -> event.get("type").asText().equals("StockReserved"))
                .hasSize(10);
        assertThat(stockEvents)
                .filteredOn(event -> event.get("type").asText().equals("StockReservationRejected"))
                .hasSize(40);
    }

    @Test
    void rejectsAnOrderForAProductOutsideTheCatalogWithoutStallingTheSaga() {
        // placed through the gateway with full lines, as an integration or an order from before the catalog may be
        String mug = register("Mug", "9.50", 10);
        String orderId = newId("order");
        commands.sendAndWait(new PlaceOrder(
                orderId,
                "customer-1",
                "EUR",
                List.of(
                        new OrderLine(mug, "Mug", 1, new BigDecimal("9.50")),
                        new OrderLine("not-in-catalog", "Mystery", 1, new BigDecimal("1.00"))),
                new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE")));
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);

        // the failed ReserveStock rolled back alone: the saga's transaction committed the rejection
        JsonNode rejected = awaitOrder(
                orderId, order -> "REJECTED".equals(order.get("status").asText()));
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("UNKNOWN_PRODUCT not-in-catalog");
        awaitProduct(
                mug,
                product -> product.get("available").asInt() == 10
                        && product.get("version").asInt() == 2);
    }

    @Nested
    class CatalogCheck {

        @Test
        void rejectsALineWhosePriceIsNotTheCatalogs() {
            String mug = register("Mug", "9.50", 10);
            Response response = http.post(
                    "/api/orders",
                    order(newId("order"), "{\"productId\":\"" + mug + "\",\"quantity\":1,\"unitPrice\":9.00}"));

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("detail").asText()).contains("9.50");
        }

        @Test
        void rejectsALineWhoseNameIsNotTheCatalogs() {
            String mug = register("Mug", "9.50", 10);
            Response response = http.post(
                    "/api/orders",
                    order(newId("order"), "{\"productId\":\"" + mug + "\",\"quantity\":1,\"productName\":\"Cup\"}"));

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
        }

        @Test
        void acceptsALineThatRepeatsTheCatalogsNameAndPrice() {
            String mug = register("Mug", "9.50", 10);
            Response response = http.post(
                    "/api/orders",
                    order(
                            newId("order"),
                            "{\"productId\":\"" + mug
                                    + "\",\"quantity\":1,\"productName\":\"Mug\",\"unitPrice\":9.5}"));

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }

        @Test
        void rejectsAnUnknownProductAsABadRequest() {
            Response response = http.post("/api/orders", order(newId("order"), line("no-such-product", 1)));

            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains("no-such-product");
        }

        @Test
        void rejectsADiscontinuedProductAsAConflict() {
            String mug = register("Mug", "9.50", 10);
            assertThat(http.post("/api/products/" + mug + "/discontinue", null).status())
                    .isEqualTo(200);

            Response response = http.post("/api/orders", order(newId("order"), line(mug, 1)));

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("detail").asText()).contains("discontinued");
        }

        @Test
        void pricesANewOrderAtAPriceChangedAMomentAgo() {
            String mug = register("Mug", "9.50", 10);
            assertThat(http.patch("/api/products/" + mug + "/price", "{\"unitPrice\":11.00}")
                            .status())
                    .isEqualTo(200);
            String orderId = newId("order");

            assertThat(http.post("/api/orders", order(orderId, line(mug, 1))).status())
                    .isEqualTo(201);
            JsonNode placed = awaitOrder(orderId, order -> true);
            assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("11.00");
        }
    }

    @Nested
    class Webhook {

        @Test
        void refusesAnAmountOtherThanTheOrderTotal() {
            String orderId = placeAndConfirm(register("Mug", "9.50", 10), 1);
            awaitOrder(
                    orderId,
                    order -> "REQUESTED".equals(order.path("paymentStatus").asText()));

            Response response = PaymentProvider.deliver(http, orderId, payment("psp-x", "AUTHORIZED", "1.00"));

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("detail").asText()).contains("9.50 EUR");
        }

        @Test
        void aDeclinedPaymentRejectsTheOrderAndReleasesItsStock() {
            String mug = register("Mug", "9.50", 10);
            String orderId = placeAndConfirm(mug, 2);
            awaitOrder(
                    orderId,
                    order -> "REQUESTED".equals(order.path("paymentStatus").asText()));

            assertThat(PaymentProvider.deliver(http, orderId, payment("psp-d", "DECLINED", "19.00"))
                            .status())
                    .isEqualTo(200);

            JsonNode rejected = awaitOrder(
                    orderId, order -> "REJECTED".equals(order.get("status").asText()));
            assertThat(rejected.get("rejectionReason").asText()).isEqualTo("PAYMENT_DECLINED");
            assertThat(rejected.get("paymentStatus").asText()).isEqualTo("DECLINED");
            awaitProduct(mug, product -> product.get("available").asInt() == 10);
        }

        @Test
        void anUnknownOrderIsNotFound() {
            Response response = PaymentProvider.deliver(http, newId("nope"), payment("psp-1", "AUTHORIZED", "1.00"));

            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }

        @Test
        void everyInvalidFieldIsNamed() {
            Response response = PaymentProvider.deliver(http, newId("order"), "{\"providerReference\":\" \"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors"))
                    .extracting(error -> error.get("field").asText())
                    .containsExactlyInAnyOrder("providerReference", "outcome", "amount");
        }

        @Test
        void anUnknownOutcomeIsABadRequest() {
            Response response = PaymentProvider.deliver(http, newId("order"), payment("psp-1", "MAYBE", "1.00"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("outcome");
        }
    }

    private String placeAndConfirm(String productId, int quantity) {
        String orderId = newId("order");
        assertThat(http.post("/api/orders", order(orderId, line(productId, quantity)))
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        return orderId;
    }

    private String register(String name, String price, int stock) {
        String productId = newId("sku");
        Response response = http.post("/api/products", Products.product(productId, name, price, stock));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return productId;
    }

    private JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(SAGA_WAIT)
                .until(
                        () -> http.get("/api/orders/" + orderId),
                        response -> response.status() == 200 && condition.test(response.json()))
                .json();
    }

    private JsonNode awaitProduct(String productId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(SAGA_WAIT)
                .until(
                        () -> http.get("/api/products/" + productId),
                        response -> response.status() == 200 && condition.test(response.json()))
                .json();
    }

    private long count(String customer, String status) {
        return http.get("/api/orders?customerId=" + customer + "&status=" + status + "&size=100")
                .json()
                .get("totalElements")
                .asLong();
    }

    /** Confirmed orders whose stock is held and whose payment is requested: ready to be paid. */
    private long awaitingPayment(String customer) {
        JsonNode confirmed = http.get("/api/orders?customerId=" + customer + "&status=CONFIRMED&size=100")
                .json()
                .get("content");
        long ready = 0;
        for (JsonNode order : confirmed) {
            JsonNode detail =
                    http.get("/api/orders/" + order.get("orderId").asText()).json();
            if ("REQUESTED".equals(detail.path("paymentStatus").asText())
                    && "RESERVED".equals(detail.path("stock").asText())) {
                ready++;
            }
        }
        return ready;
    }

    private static int stock(JsonNode product) {
        return product.get("available").asInt()
                + product.get("reserved").asInt()
                + product.get("committed").asInt();
    }

    private static String order(String orderId, String... lines) {
        return orderFor("customer-1", orderId, lines);
    }

    private static String orderFor(String customerId, String orderId, String... lines) {
        return """
                {"customerId":"%s","orderId":"%s","currency":"EUR","lines":[%s],
                 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","postalCode":"1000",
                                    "city":"Brussels","country":"BE"}}
                """.formatted(customerId, orderId, String.join(",", lines));
    }

    private static String line(String productId, int quantity) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
    }

    private static String payment(String reference, String outcome, String amount) {
        return "{\"providerReference\":\"" + reference + "\",\"outcome\":\"" + outcome + "\",\"amount\":" + amount
                + "}";
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
