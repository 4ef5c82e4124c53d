package io.ordo.platform.security;

import static io.ordo.support.Orders.placeOrder;
import static io.ordo.support.PaymentProvider.DEVELOPMENT_SECRET;
import static io.ordo.support.PaymentProvider.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment webhook over real HTTP: only a delivery signed with the shared secret, recently, over exactly its body
 * is recorded, and the events it causes name the provider as their principal.
 */
@HttpTest
class PaymentWebhookTest {

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void aSignedDeliveryIsRecordedAndItsReplayRecordsNothingNew() {
        String orderId = orderAwaitingPayment();
        String body = payment("psp-" + orderId, "AUTHORIZED", "23.25");
        String signature = PaymentProvider.signature(DEVELOPMENT_SECRET, Instant.now(), body);

        Response paid = PaymentProvider.deliver(http, orderId, body, signature);
        Response replayed = PaymentProvider.deliver(http, orderId, body, signature);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("version")).isEqualTo(paid.json().get("version"));
        assertThat(types(events(orderId))).containsOnlyOnce("OrderPaid");
    }

    @Test
    void aDeliveryWithoutAValidSignatureIsUnauthorizedAndRecordsNothing() {
        String orderId = orderAwaitingPayment();
        String body = payment("psp-" + orderId, "AUTHORIZED", "23.25");
        Instant now = Instant.now();
        Map<String, String> refused = Map.of(
                "wrong secret", PaymentProvider.signature("not-the-shared-secret-but-long-enough", now, body),
                "stale", PaymentProvider.signature(DEVELOPMENT_SECRET, now.minus(Duration.ofMinutes(6)), body),
                "tampered body", PaymentProvider.signature(DEVELOPMENT_SECRET, now, body.replace("23.25", "23.26")),
                "malformed", "t=" + now.getEpochSecond() + ",v1=zz");

        refused.forEach(
                (why, signature) -> assertUnauthorized(PaymentProvider.deliver(http, orderId, body, signature)));
        assertUnauthorized(PaymentProvider.deliver(http, orderId, body, null));

        assertThat(types(events(orderId))).doesNotContain("OrderPaid");
    }

    @Test
    void clerksAndAdminsCannotPostPaymentsWithTheirPasswords() {
        String orderId = orderAwaitingPayment();
        String body = payment("psp-" + orderId, "AUTHORIZED", "23.25");

        Response clerk = http.post("/api/payments/" + orderId, body);
        Response admin = http.asAdmin().post("/api/payments/" + orderId, body);

        assertUnauthorized(clerk);
        assertUnauthorized(admin);
        assertThat(clerk.header("WWW-Authenticate")).isNull();
        assertThat(types(events(orderId))).doesNotContain("OrderPaid");
    }

    @Test
    void theBodyLimitStillApplies() {
        String huge = payment("psp-" + "x".repeat(70 * 1024), "AUTHORIZED", "1.00");

        Response response = PaymentProvider.deliver(http, "any-order", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyEventRecordsWhoCausedItThroughTheSagaToo() {
        String orderId = orderAwaitingPayment(http.asAdmin());
        PaymentProvider.deliver(http, orderId, payment("psp-" + orderId, "AUTHORIZED", "23.25"));

        JsonNode events = events(orderId);

        assertThat(types(events)).startsWith("OrderPlaced", "OrderConfirmed", "PaymentRequested", "OrderPaid");
        // placed by the clerk; confirmed by the admin, whose confirmation the saga's payment request continues
        assertThat(principals(events)).startsWith("clerk", "admin", "admin", PaymentWebhookSecurity.PROVIDER);
        assertThat(events.get(3).at("/metadata/principal").asText()).isEqualTo(PaymentWebhookSecurity.PROVIDER);
    }

    @Test
    void aSignedButHostileDeliveryIsASmallBadRequestThatRecordsNothing() {
        String orderId = orderAwaitingPayment();
        List<String> hostileBodies = List.of(
                payment("psp-1", "AUTHORIZED", "1e100000000"),
                payment("psp-1", "AUTHORIZED", "1e-100000000"),
                payment("psp-1", "AUTHORIZED", "1234567890123456.00"),
                payment("psp-1", "AUTHORIZED", "{\"value\": 23.25}"),
                payment("psp-1", "AUTHORIZED", "true"),
                payment("psp-" + "r".repeat(300), "AUTHORIZED", "23.25"),
                payment("psp\\u0000nul", "AUTHORIZED", "23.25"),
                payment("psp-1", "MAYBE", "23.25"));
        int eventsBefore = events(orderId).size();

        for (String body : hostileBodies) {
            assertSmallBadRequest(PaymentProvider.deliver(http, orderId, body), body);
        }
        String body = payment("psp-1", "AUTHORIZED", "23.25");
        assertSmallBadRequest(PaymentProvider.deliver(http, "o".repeat(300), body), "a 300-character order id");

        assertThat(events(orderId)).hasSize(eventsBefore);
    }

    @Test
    void aSensibleRequestIdIsKeptAndAnyOtherReplacedBeforeItReachesLogsOrMetadata() {
        String kept = "trace-" + "a".repeat(58);
        for (String given : new String[] {kept, kept + "b", "two words", "semi;colon", "<script>"}) {
            String orderId = "rid-" + UUID.randomUUID();
            Response placed = http.send(
                    "POST",
                    "/api/orders",
                    placeOrder(orderId, "c"),
                    "application/json",
                    "application/json",
                    Map.of("X-Request-Id", given));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

            String used = placed.header("X-Request-Id");
            assertThat(used).matches("[A-Za-z0-9._:-]{1,64}");
            assertThat(used.equals(given)).as(given).isEqualTo(given.equals(kept));
            assertThat(events(orderId).get(0).at("/metadata/requestId").asText())
                    .isEqualTo(used);
        }
    }

    private String orderAwaitingPayment() {
        return orderAwaitingPayment(http);
    }

    /** An order placed by the clerk and confirmed by {@code confirmer}, once the saga has asked for its payment. */
    private String orderAwaitingPayment(HttpJson confirmer) {
        String orderId = "pay-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-pay")).status())
                .isEqualTo(201);
        assertThat(confirmer.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> types(events(orderId)).contains("PaymentRequested"));
        return orderId;
    }

    private JsonNode events(String orderId) {
        return http.get("/api/orders/" + orderId + "/events").json().get("events");
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static List<String> principals(JsonNode events) {
        List<String> principals = new ArrayList<>();
        events.forEach(event -> principals.add(event.path("principal").asText(null)));
        return principals;
    }

    private static void assertSmallBadRequest(Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().length()).as(what).isLessThan(2048);
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
