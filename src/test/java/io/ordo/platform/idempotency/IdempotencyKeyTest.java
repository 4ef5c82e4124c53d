package io.ordo.platform.idempotency;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.Catalog;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A client may retry a POST with the same Idempotency-Key without doing the thing twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyKeyTest {

    @LocalServerPort
    int port;

    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson("http://localhost:" + port);
        Catalog.ensureStandardProducts(http);
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

    private Response post(String path, String body, String key) {
        return http.send("POST", path, body, "application/json", "application/json", Map.of("Idempotency-Key", key));
    }
}
