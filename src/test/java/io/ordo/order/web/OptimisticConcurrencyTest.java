package io.ordo.order.web;

import static io.ordo.support.Orders.line;
import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.platform.web.VersionTags;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ETag and If-Match over real HTTP on the H2 file store: every answer names the aggregate's version, and a command sent
 * with If-Match applies only at that version, otherwise 412 with nothing appended.
 */
@HttpTest
class OptimisticConcurrencyTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void everyAnswerAboutAnOrderCarriesItsVersionAsAStrongETag() {
        String orderId = placed();
        Response added = http.post("/api/orders/" + orderId + "/lines", line("sku-3", 4, "1.99"));
        Response repeated = http.post("/api/orders/" + orderId + "/lines", line("sku-3", 4, "1.99"));
        Response read = http.get("/api/orders/" + orderId + "?minVersion=1");

        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(added.json().get("version").asLong()).isEqualTo(1);
        assertThat(repeated.header("ETag"))
                .as("a no-op answers the current version")
                .isEqualTo("\"1\"");
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void thePaymentWebhookAnswersTheOrdersVersionAsItsETag() {
        String orderId = placed();
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
        // the fulfilment saga reserves the stock and asks for payment (version 2)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/orders/" + orderId).header("ETag"), "\"2\""::equals);

        Response paid = PaymentProvider.deliver(
                http, orderId, "{\"providerReference\":\"psp-etag\",\"outcome\":\"AUTHORIZED\",\"amount\":23.25}");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void aCommandAppliesWhenIfMatchNamesTheCurrentVersion() {
        String orderId = placed();
        String etag = http.get("/api/orders/" + orderId + "?minVersion=0").header("ETag");

        Response changed = patchQuantity(orderId, 5, etag);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        assertThat(events(orderId)).hasSize(2);
    }

    @Test
    void aCommandForAnotherVersionIsAPreconditionFailureAndAppendsNothing() {
        String orderId = placed();
        assertThat(patchQuantity(orderId, 5, null).status()).isEqualTo(200);

        Response stale = patchQuantity(orderId, 6, "\"0\"");
        Response ahead = send("DELETE", "/api/orders/" + orderId + "/lines/sku-2", null, "\"7\"");
        Response staleNoOp = patchQuantity(orderId, 5, "\"0\"");

        assertPreconditionFailed(stale, 1);
        assertThat(stale.json().get("detail").asText()).contains(orderId + " is at version 1, not 0");
        assertPreconditionFailed(ahead, 1);
        assertPreconditionFailed(staleNoOp, 1);
        assertThat(events(orderId)).hasSize(2);
    }

    @Test
    void theVersionIsCheckedBeforeTheOrdersRules() {
        String orderId = placed();
        // cancelled, not confirmed: a confirmation starts the saga, whose PaymentRequested would race this test
        assertThat(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\": \"changed my mind\"}")
                        .status())
                .isEqualTo(200);

        // adding a line to a cancelled order is a 409 without If-Match; the stale version answers first
        Response stale = send("POST", "/api/orders/" + orderId + "/lines", line("sku-3", 1, "1.99"), "\"0\"");

        assertPreconditionFailed(stale, 1);
    }

    @Test
    void aMalformedIfMatchIsABadRequestAndAppendsNothing() {
        String orderId = placed();

        Response unquoted = patchQuantity(orderId, 5, "0");
        Response twoVersions = patchQuantity(orderId, 5, "\"0\", \"1\"");

        assertThat(unquoted.status()).isEqualTo(400);
        assertThat(unquoted.contentType()).startsWith(PROBLEM_JSON);
        assertThat(unquoted.json().get("detail").asText()).contains("If-Match");
        assertThat(twoVersions.status()).isEqualTo(400);
        assertThat(events(orderId)).hasSize(1);
    }

    @Test
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
        String orderId = placed();

        Response weak = patchQuantity(orderId, 5, "W/\"0\"");

        assertThat(weak.status()).isEqualTo(412);
        assertThat(weak.contentType()).startsWith(PROBLEM_JSON);
        assertThat(events(orderId)).hasSize(1);
    }

    @Test
    void ifMatchStarAppliesAtAnyVersion() {
        String orderId = placed();
        assertThat(patchQuantity(orderId, 5, null).status()).isEqualTo(200);

        Response any = patchQuantity(orderId, 6, "*");

        assertThat(any.status()).isEqualTo(200);
        assertThat(any.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void anUnknownOrderIsNotFoundWhateverIfMatchSays() {
        Response missing = patchQuantity("missing-" + UUID.randomUUID(), 5, "\"0\"");

        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void productsCarryTheirVersionAndHonourIfMatch() {
        String productId = "sku-etag-" + UUID.randomUUID();
        Response registered = http.post("/api/products", Products.product(productId, "Kettle", "30.00", 5));
        String price = "{\"unitPrice\": 32.00}";

        Response stale = send("PATCH", "/api/products/" + productId + "/price", price, "\"1\"");
        Response changed = send("PATCH", "/api/products/" + productId + "/price", price, "\"0\"");

        assertThat(registered.header("ETag")).isEqualTo("\"0\"");
        assertPreconditionFailed(stale, 0);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> http.get("/api/products/" + productId),
                                read -> "\"1\"".equals(read.header("ETag")))
                        .json()
                        .get("unitPrice")
                        .decimalValue())
                .isEqualByComparingTo("32.00");
    }

    @Test
    void aRetryWithItsIdempotencyKeyGetsTheSameAnswerAndETag() {
        String orderId = placed();
        Map<String, String> headers =
                Map.of("If-Match", "\"0\"", "Idempotency-Key", UUID.randomUUID().toString());

        Response first = cancel(orderId, headers);
        Response retried = cancel(orderId, headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.header("ETag")).isEqualTo("\"1\"");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(events(orderId)).hasSize(2);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherIfMatchIsAnotherRequest() {
        String orderId = placed();
        String key = UUID.randomUUID().toString();

        Response first = cancel(orderId, Map.of("If-Match", "\"0\"", "Idempotency-Key", key));
        Response other = cancel(orderId, Map.of("If-Match", "\"1\"", "Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void concurrentChangesToOneOrderAppendExactlyOneEventPerAcceptedChange() throws Exception {
        String orderId = placed();
        http.get("/api/orders/" + orderId + "?minVersion=0"); // so that every client can read an ETag
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Attempt>>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // distinct quantities, none the line's initial 2: every accepted change changes something
            int quantity = 100 + i;
            boolean conditional = i % 2 == 0;
            running.add(pool.submit(() -> {
                start.await();
                return conditional
                        ? changeAsReadUpTo3Times(orderId, quantity)
                        : List.of(changeAnyway(orderId, quantity));
            }));
        }
        List<Attempt> attempts = new ArrayList<>();
        try {
            start.countDown();
            for (Future<List<Attempt>> client : running) {
                attempts.addAll(client.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(attempts)
                .allSatisfy(attempt -> assertThat(attempt.response().status())
                        .as(attempt.toString())
                        .isIn(200, 409, 412));
        assertThat(attempts)
                .filteredOn(attempt -> attempt.ifMatch() == null)
                .allSatisfy(attempt -> assertThat(attempt.response().status())
                        .as(attempt.toString())
                        .isIn(200, 409));
        // every accepted change answers a version of its own (toMap refuses a second answer with the same version),
        // and the event at that version is that change
        Map<Long, Integer> quantityByVersion = attempts.stream()
                .filter(attempt -> attempt.response().status() == 200)
                .collect(Collectors.toMap(
                        attempt -> attempt.response().json().get("version").asLong(), Attempt::quantity));
        int accepted = quantityByVersion.size();
        assertThat(accepted).isPositive();
        JsonNode events = events(orderId);
        assertThat(events)
                .extracting(event -> event.get("sequence").asLong())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(0, accepted).boxed().toList());
        assertThat(events.get(0).get("type").asText()).isEqualTo("OrderPlaced");
        for (int sequence = 1; sequence <= accepted; sequence++) {
            JsonNode event = events.get(sequence);
            assertThat(event.get("type").asText()).isEqualTo("OrderLineQuantityChanged");
            assertThat(event.at("/payload/quantity").asInt()).isEqualTo(quantityByVersion.get((long) sequence));
        }
        assertThat(attempts)
                .filteredOn(attempt -> attempt.response().status() == 412)
                .allSatisfy(attempt -> assertThat(
                                attempt.response().json().get("currentVersion").asLong())
                        .isNotEqualTo(VersionTags.expectedVersion(attempt.ifMatch())));
        Response last = http.get("/api/orders/" + orderId + "?minVersion=" + accepted);
        assertThat(last.header("ETag")).isEqualTo("\"" + accepted + "\"");
        assertThat(last.json().get("lines"))
                .filteredOn(line -> line.get("productId").asText().equals("sku-1"))
                .extracting(line -> line.get("quantity").asInt())
                .containsExactly(quantityByVersion.get((long) accepted));
    }

    @Test
    void theApiDescriptionShowsIfMatchAndItsPreconditionFailure() {
        JsonNode patch =
                http.get("/v3/api-docs").json().at("/paths/~1api~1orders~1{orderId}~1lines~1{productId}/patch");

        assertThat(patch.get("parameters"))
                .anySatisfy(parameter -> assertThat(parameter.get("name").asText() + " in "
                                + parameter.get("in").asText())
                        .isEqualTo("If-Match in header"));
        assertThat(patch.at("/responses/412/content").has(PROBLEM_JSON)).isTrue();
        assertThat(patch.at("/responses/200/headers").has("ETag")).isTrue();
    }

    private Attempt changeAnyway(String orderId, int quantity) {
        return new Attempt(quantity, null, patchQuantity(orderId, quantity, null));
    }

    /** A careful client: sends the version it read, and on 412 tries again with the version the problem names. */
    private List<Attempt> changeAsReadUpTo3Times(String orderId, int quantity) {
        List<Attempt> attempts = new ArrayList<>();
        String ifMatch = http.get("/api/orders/" + orderId).header("ETag");
        while (attempts.size() < 3) {
            Attempt attempt = new Attempt(quantity, ifMatch, patchQuantity(orderId, quantity, ifMatch));
            attempts.add(attempt);
            if (attempt.response().status() != 412) {
                break;
            }
            ifMatch = VersionTags.etag(
                    attempt.response().json().get("currentVersion").asLong());
        }
        return attempts;
    }

    private String placed() {
        String orderId = "etag-" + UUID.randomUUID();
        Response placed = http.post("/api/orders", placeOrder(orderId, "customer-etag"));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("ETag")).isEqualTo("\"0\"");
        return orderId;
    }

    private Response patchQuantity(String orderId, int quantity, String ifMatch) {
        return send("PATCH", "/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":" + quantity + "}", ifMatch);
    }

    private Response send(String method, String path, String body, String ifMatch) {
        return http.send(
                method,
                path,
                body,
                "application/json",
                "application/json",
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** A cancellation, not a confirmation: a confirmation starts the saga, whose next event would race the counts. */
    private Response cancel(String orderId, Map<String, String> headers) {
        return http.send(
                "POST",
                "/api/orders/" + orderId + "/cancel",
                "{\"reason\": \"changed my mind\"}",
                "application/json",
                "application/json",
                headers);
    }

    private JsonNode events(String orderId) {
        return http.get("/api/orders/" + orderId + "/events").json().get("events");
    }

    private record Attempt(int quantity, String ifMatch, Response response) {}

    private static void assertPreconditionFailed(Response response, long currentVersion) {
        assertThat(response.status()).as(response.toString()).isEqualTo(412);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("currentVersion").asLong()).isEqualTo(currentVersion);
        assertThat(response.header("ETag")).isNull();
    }
}
