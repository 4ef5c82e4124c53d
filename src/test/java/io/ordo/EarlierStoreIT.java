package io.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.PackagedService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users keep their data: a store written by an earlier landed build opens with this one, every order, product and
 * pending deadline intact, and its orders still take commands. The store (src/test/resources/stores/a19207a) predates
 * the ledger, the projection audits and instance roles, so their migrations run on it, and the ledger seals its old
 * events.
 */
class EarlierStoreIT {

    @TempDir
    Path dataDir;

    private PackagedService service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aStoreFromBuildA19207aOpensWithEverythingInItAndTakesCommands() throws IOException {
        try (InputStream store = getClass().getResourceAsStream("/stores/a19207a/ordo.mv.db")) {
            Files.copy(store, dataDir.resolve("ordo.mv.db"));
        }
        service = PackagedService.start(dataDir);
        HttpJson http = service.http();

        JsonNode placed = http.get("/api/orders/order-placed").json();
        assertThat(placed.path("status").asText()).isEqualTo("PLACED");
        assertThat(placed.path("total").decimalValue()).isEqualByComparingTo("19.00");
        assertThat(placed.path("lines").path(0).path("productName").asText()).isEqualTo("Mug");

        // its payment deadline was due long ago: kept in the store, it fires now and cancels the order
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/orders/order-confirmed")
                                .json()
                                .path("status")
                                .asText(),
                        "CANCELLED"::equals);

        // the placed order still takes commands, and the saga of this build reserves its stock
        assertThat(http.post("/api/orders/order-placed/confirm", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/orders/order-placed")
                                .json()
                                .path("paymentStatus")
                                .asText(),
                        "REQUESTED"::equals);
        // the cancelled order's two mugs went back, the confirmed one's two are reserved
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode mug = http.get("/api/products/sku-mug").json();
            assertThat(mug.path("available").asInt()).isEqualTo(98);
            assertThat(mug.path("reserved").asInt()).isEqualTo(2);
        });

        // the analytics processor, new in this build, started from the first event: the old orders and stock count
        Instant placedAt = Instant.parse(placed.path("placedAt").asText());
        String around = "from=" + placedAt.minus(Duration.ofDays(1)) + "&to=" + placedAt.plus(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get("/api/analytics/summary?" + around)
                            .json()
                            .path("orders")
                            .asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(http.get("/api/analytics/stock?lowBelow=1000000")
                            .json()
                            .path("low")
                            .toString())
                    .contains("sku-mug");
        });

        // the ledger sealed the events written before it existed, the first of them the product's registration
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/integrity/checkpoint")
                                .json()
                                .path("treeSize")
                                .asLong()
                        >= 8);
    }
}
