package io.ordo;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.PackagedService;
import io.ordo.support.Products;
import io.ordo.support.ProjectionAudits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged service as a separate process, kills it with SIGKILL while clients are still sending commands,
 * starts it again on the same data folder and checks that every command the service had answered with 2xx is in the
 * event store (the group commit made each durable before its answer), that every projection equals a rebuild from
 * the events (their commits were not forced to disk: a crash rewinds rows and token together, and the processors read
 * the lost part again) and that no order's stock was reserved twice (the saga re-sends after a rewind, and a product
 * takes a reservation for an order once).
 */
class CrashDurabilityIT {

    private static final int CLIENTS = 4;

    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredCommandSurvivesAKillDashNine() throws Exception {
        try (PackagedService service = PackagedService.start(dataDir)) {
            HttpJson http = service.http();
            Products.ensureStandardProducts(http);
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> placeAndConfirmUntilStopped(http, acknowledged, running));
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= 50);

            service.kill();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            service.restart();
            acknowledged.forEach((orderId, version) -> {
                Response events = http.get("/api/orders/" + orderId + "/events");
                assertThat(events.status()).as(orderId).isEqualTo(200);
                assertThat(events.json().get("events").size())
                        .as("events of %s, answered at version %d", orderId, version)
                        .isGreaterThanOrEqualTo((int) (version + 1));
            });
            HttpJson admin = http.asAdmin();
            for (String projection : List.of("orders", "customers", "products")) {
                ProjectionAudits.assertEqualsRebuild(admin, projection);
            }
            List<String> confirmed = acknowledged.entrySet().stream()
                    .filter(order -> order.getValue() >= 1)
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(confirmed).isNotEmpty();
            for (String product : List.of("sku-1", "sku-2")) {
                await().atMost(Duration.ofMinutes(1))
                        .untilAsserted(() -> assertThat(reservationsPerOrder(http, product))
                                .as("every confirmed order reserved " + product)
                                .containsKeys(confirmed.toArray(String[]::new)));
                assertThat(reservationsPerOrder(http, product).values())
                        .as("StockReserved events per order of " + product)
                        .allMatch(count -> count == 1);
            }
        }
    }

    private static Map<String, Long> reservationsPerOrder(HttpJson http, String productId) {
        Map<String, Long> reservations = new HashMap<>();
        http.get("/api/products/" + productId + "/events").json().get("events").forEach(event -> {
            if (event.get("type").asText().endsWith("StockReserved")) {
                reservations.merge(event.get("payload").get("orderId").asText(), 1L, Long::sum);
            }
        });
        return reservations;
    }

    private static void placeAndConfirmUntilStopped(
            HttpJson http, Map<String, Long> acknowledged, AtomicBoolean running) {
        while (running.get()) {
            try {
                String orderId = "crash-" + UUID.randomUUID();
                record(acknowledged, orderId, http.post("/api/orders", placeOrder(orderId, "customer-crash")));
                record(acknowledged, orderId, http.post("/api/orders/" + orderId + "/confirm", null));
            } catch (RuntimeException connectionLost) {
                // the service was killed mid-request: that command was never answered, so promises nothing
            }
        }
    }

    private static void record(Map<String, Long> acknowledged, String orderId, Response response) {
        if (response.status() / 100 == 2) {
            acknowledged.put(orderId, response.json().get("version").asLong());
        }
    }
}
