package io.ordo.platform.idempotency;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A client may retry a POST with the same Idempotency-Key without doing the thing twice. */
@HttpTest
class IdempotencyKeyTest {

    @Autowired
    HttpJson http;

    @Autowired
    IdempotencyStore store;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAndAppendNothing() {
        String key = UUID.randomUUID().toString();
        String body = placeOrder(null, "customer-idem").replace("\"orderId\":\"null\",", "");

        Response first = post("/api/orders", body, key);
        Response again = post("/api/orders", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String orderId = first.json().get("orderId").asText();
        assertThat(http.get("/api/orders/" + orderId + "/events").json().get("events"))
                .hasSize(1);
    }

    @Test
    void concurrentRetriesWithOneKeyRunTheCommandOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String orderId = "idem-" + UUID.randomUUID();
        String body = placeOrder(orderId, "customer-idem");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> post("/api/orders", body, key)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS).status());
        }
        clients.shutdown();

        // a retry that arrives while the first runs is 409; one after it gets the first answer again
        assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        assertThat(http.get("/api/orders/" + orderId + "/events").json().get("events"))
                .hasSize(1);
    }

    @Test
    void aCommandRetriedWithItsKeyIsNotAppliedTwice() {
        String orderId = "idem-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-idem"))
                        .status())
                .isEqualTo(201);
        String key = UUID.randomUUID().toString();
        String line = "{\"productId\":\"sku-3\",\"quantity\":1}";

        Response first = post("/api/orders/" + orderId + "/lines", line, key);
        Response retried = post("/api/orders/" + orderId + "/lines", line, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(http.get("/api/orders/" + orderId + "/events").json().get("events"))
                .hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/orders", placeOrder("idem-" + UUID.randomUUID(), "c"), key)
                        .status())
                .isEqualTo(201);

        String other = "idem-" + UUID.randomUUID();
        Response reused = post("/api/orders", placeOrder(other, "c"), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/orders/" + other + "/events").status()).isEqualTo(404);
    }

    @Test
    void aRefusedCommandIsAnsweredTheSameWayAgain() {
        String key = UUID.randomUUID().toString();
        String orderId = "idem-missing-" + UUID.randomUUID();

        Response first = post("/api/orders/" + orderId + "/confirm", "", key);
        Response again = post("/api/orders/" + orderId + "/confirm", "", key);

        assertThat(first.status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aClaimWhoseRequestNeverAnsweredHoldsTheKeyOnlyForItsLease() {
        String key = UUID.randomUUID().toString();
        String orderId = "idem-lease-" + UUID.randomUUID();
        String body = placeOrder(orderId, "customer-idem");
        // a request claimed the key and then its instance crashed: the claim is there, the answer never came
        String claimed = "clerk:" + key;
        store.claim(
                claimed,
                "crashed-request",
                RequestFingerprint.of("POST", "/api/orders", null, null, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(leaseEndOf(claimed)).isBefore(Instant.now().plus(Duration.ofMinutes(1)));

        Response duringTheLease = post("/api/orders", body, key);

        assertThat(duringTheLease.status()).isEqualTo(409);
        assertThat(http.get("/api/orders/" + orderId + "/events").status()).isEqualTo(404);

        // the lease runs out (moved into the past rather than waited for)
        jdbc.update(
                "update idempotency_record set expires_at = ? where idempotency_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                claimed);
        Response afterTheLease = post("/api/orders", body, key);
        Response retriedAgain = post("/api/orders", body, key);

        assertThat(afterTheLease.status()).as(afterTheLease.toString()).isEqualTo(201);
        assertThat(retriedAgain.status()).isEqualTo(201);
        assertThat(retriedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/api/orders/" + orderId + "/events").json().get("events"))
                .hasSize(1);
        // answered: now kept for the retention, not the lease
        assertThat(leaseEndOf(claimed)).isAfter(Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void aRequestThatOutlivedItsLeaseCannotOverwriteTheRetryThatTookOver() {
        String key = "clerk:" + UUID.randomUUID();
        store.claim(key, "slow-request", "hash");
        jdbc.update(
                "update idempotency_record set expires_at = ? where idempotency_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                key);
        assertThat(store.claim(key, "retry", "hash")).isEmpty();

        store.answer(key, "slow-request", 201, null, null, null, "late");
        store.release(key, "slow-request");

        assertThat(store.claim(key, "third", "hash"))
                .hasValueSatisfying(
                        record -> assertThat(record.isClaimedBy("retry")).isTrue());
    }

    @Test
    void aKeyOutsideTheSafeAlphabetOrTooLongIsABadRequestAndRunsNothing() {
        String orderId = "idem-" + UUID.randomUUID();

        for (String key : new String[] {"", "x".repeat(129), "two words", "semi;colon", "<key>", "ünïcode"}) {
            Response refused = post("/api/orders", placeOrder(orderId, "c"), key);
            assertThat(refused.status()).as(key).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/orders/" + orderId + "/events").status()).isEqualTo(404);
    }

    private Instant leaseEndOf(String key) {
        return jdbc.queryForObject(
                        "select expires_at from idempotency_record where idempotency_key = ?", Timestamp.class, key)
                .toInstant();
    }

    private Response post(String path, String body, String key) {
        return http.send("POST", path, body, "application/json", "application/json", Map.of("Idempotency-Key", key));
    }
}
