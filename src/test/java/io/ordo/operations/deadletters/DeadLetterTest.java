package io.ordo.operations.deadletters;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.query.OrderProjections;
import io.ordo.support.Catalog;
import io.ordo.support.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A poison event parks its order's events and lets every other order flow; a retry handles them in order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DeadLetterTest.FailingProjection.class)
class DeadLetterTest {

    /** A projection in the orders group that cannot handle the orders it is told are poisoned. */
    @TestConfiguration
    @ProcessingGroup(OrderProjections.GROUP)
    static class FailingProjection {

        final Set<String> poisoned = ConcurrentHashMap.newKeySet();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(OrderPlaced event) {
            handle(event.orderId(), "OrderPlaced");
        }

        @EventHandler
        void on(OrderConfirmed event) {
            handle(event.orderId(), "OrderConfirmed");
        }

        private void handle(String orderId, String type) {
            if (poisoned.contains(orderId)) {
                throw new IllegalStateException("cannot project " + orderId);
            }
            handled.add(orderId + ":" + type);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FailingProjection projection;

    HttpJson http;
    HttpJson admin;

    @BeforeEach
    void client() {
        http = new HttpJson("http://localhost:" + port);
        admin = http.asAdmin();
        Catalog.ensureStandardProducts(http);
    }

    @Test
    void parksThePoisonedOrderOnlyAndRetriesItsEventsInOrder() {
        String poison = "poison-" + UUID.randomUUID();
        String healthy = "healthy-" + UUID.randomUUID();
        projection.poisoned.add(poison);

        placeAndConfirm(poison);
        placeAndConfirm(healthy);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(projection.handled).contains(healthy + ":OrderPlaced", healthy + ":OrderConfirmed");
            List<String> stored = eventTypes(poison);
            JsonNode parked = admin.get("/api/admin/dead-letters/orders").json();
            assertThat(parked.get("parked")).hasSize(1);
            assertThat(parked.at("/parked/0/sequenceId").asText()).isEqualTo(poison);
            // the order's every event, the fulfilment saga's answer to the confirmation included, in order
            assertThat(stored).startsWith("OrderPlaced", "OrderConfirmed").hasSizeGreaterThan(2);
            assertThat(parked.at("/parked/0/letters"))
                    .extracting(letter -> letter.get("type").asText())
                    .containsExactlyElementsOf(stored);
            assertThat(parked.at("/parked/0/letters/0/cause").asText()).isEqualTo("cannot project " + poison);
        });
        assertThat(http.get("/api/orders/" + healthy + "?minVersion=1")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");

        JsonNode stillBroken =
                admin.post("/api/admin/dead-letters/orders/retry", null).json();
        assertThat(stillBroken.get("sequencesStillParked").asLong()).isEqualTo(1);

        projection.poisoned.remove(poison);
        JsonNode retried =
                admin.post("/api/admin/dead-letters/orders/retry", null).json();

        assertThat(retried.get("sequencesStillParked").asLong()).isZero();
        assertThat(projection.handled)
                .filteredOn(entry -> entry.startsWith(poison))
                .containsExactly(poison + ":OrderPlaced", poison + ":OrderConfirmed");
        assertThat(http.get("/api/orders/" + poison + "?minVersion=1")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        assertThat(admin.get("/api/admin/dead-letters/orders")
                        .json()
                        .get("letters")
                        .asLong())
                .isZero();
    }

    @Test
    void anOperatorCanGiveUpOnAParkedSequence() {
        String poison = "hopeless-" + UUID.randomUUID();
        projection.poisoned.add(poison);
        placeAndConfirm(poison);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // the saga has answered the confirmation, and every event of the order is parked
            List<String> stored = eventTypes(poison);
            assertThat(stored).hasSizeGreaterThan(2);
            assertThat(admin.get("/api/admin/dead-letters/orders")
                            .json()
                            .get("letters")
                            .asLong())
                    .isEqualTo(stored.size());
        });

        assertThat(admin.delete("/api/admin/dead-letters/orders/" + poison).status())
                .isEqualTo(204);

        assertThat(admin.get("/api/admin/dead-letters/orders")
                        .json()
                        .get("letters")
                        .asLong())
                .isZero();
        assertThat(admin.delete("/api/admin/dead-letters/orders/" + poison).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/admin/dead-letters/nope").status()).isEqualTo(404);
    }

    private List<String> eventTypes(String orderId) {
        List<String> types = new ArrayList<>();
        http.get("/api/orders/" + orderId + "/events")
                .json()
                .get("events")
                .forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private void placeAndConfirm(String orderId) {
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-dlq")).status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);
    }
}
