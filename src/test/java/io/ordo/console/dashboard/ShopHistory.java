package io.ordo.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A small shop's day through the JSON API, for the dashboard to show: a few products, and orders that end in every
 * state, delivered, shipped, paid, awaiting payment, placed, cancelled, rejected for stock and for a declined payment.
 */
final class ShopHistory {

    private static final Duration SAGA_WAIT = Duration.ofSeconds(30);

    private final HttpJson http;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    ShopHistory(HttpJson http) {
        this.http = http;
    }

    void write() {
        String beans = product("espresso-beans", "Espresso beans", "14.90", 400);
        String mug = product("ceramic-mug", "Ceramic mug", "9.50", 200);
        String kettle = product("pour-over-kettle", "Pour-over kettle", "39.00", 40);
        String filters = product("paper-filters", "Paper filters", "4.25", 500);
        String grinder = product("hand-grinder", "Hand grinder", "59.00", 2);

        deliver(order("ada", line(beans, 2), line(mug, 2)));
        deliver(order("grace", line(kettle, 1), line(filters, 3)));
        deliver(order("alan", line(beans, 4)));
        ship(order("ada", line(grinder, 1), line(beans, 1)));
        ship(order("edsger", line(mug, 4), line(filters, 2)));
        pay(order("barbara", line(kettle, 1), line(beans, 2)));
        awaitPayment(confirm(order("ken", line(filters, 6))));
        order("linus", line(beans, 1), line(mug, 1));
        order("margaret", line(kettle, 2));
        cancel(order("dennis", line(mug, 3)), "customer called");
        awaitStatus(confirm(order("grace", line(grinder, 5))), "REJECTED");
        String declined = awaitPayment(confirm(order("alan", line(kettle, 1))));
        assertThat(PaymentProvider.deliver(
                                http, declined, PaymentProvider.payment("psp-" + declined, "DECLINED", total(declined)))
                        .status())
                .isEqualTo(200);
        awaitStatus(declined, "REJECTED");
    }

    private String product(String id, String name, String price, int stock) {
        String productId = id + "-" + run;
        Products.ensureRegistered(http, productId, name, price, stock);
        return productId;
    }

    private String order(String customer, String... lines) {
        String orderId =
                "order-" + customer + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response placed = http.post("/api/orders", """
                {"customerId":"%s","orderId":"%s","currency":"EUR","lines":[%s],
                 "shippingAddress":{"name":"%s","street":"1 Main St","postalCode":"1000","city":"Brussels",
                                    "country":"BE"}}
                """.formatted(customer, orderId, String.join(",", lines), customer));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return orderId;
    }

    private String confirm(String orderId) {
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        return orderId;
    }

    private String awaitPayment(String orderId) {
        awaitOrder(
                orderId, order -> "REQUESTED".equals(order.path("paymentStatus").asText()));
        return orderId;
    }

    private String pay(String orderId) {
        awaitPayment(confirm(orderId));
        Response paid = PaymentProvider.deliver(
                http, orderId, PaymentProvider.payment("psp-" + orderId, "AUTHORIZED", total(orderId)));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return orderId;
    }

    private String ship(String orderId) {
        pay(orderId);
        assertThat(http.post("/api/orders/" + orderId + "/ship", "{\"carrier\":\"bpost\",\"trackingNumber\":\"T-1\"}")
                        .status())
                .isEqualTo(200);
        return orderId;
    }

    private void deliver(String orderId) {
        ship(orderId);
        assertThat(http.post("/api/orders/" + orderId + "/deliver", null).status())
                .isEqualTo(200);
    }

    private void cancel(String orderId, String reason) {
        assertThat(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"" + reason + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private void awaitStatus(String orderId, String status) {
        awaitOrder(orderId, order -> status.equals(order.get("status").asText()));
    }

    private String total(String orderId) {
        return http.get("/api/orders/" + orderId).json().get("total").asText();
    }

    private void awaitOrder(String orderId, Predicate<JsonNode> condition) {
        await().atMost(SAGA_WAIT)
                .until(
                        () -> http.get("/api/orders/" + orderId),
                        response -> response.status() == 200 && condition.test(response.json()));
    }

    private static String line(String productId, int quantity) {
        return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
    }
}
