package io.ordo.operations.deadletters;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.query.OrderProjections;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import io.ordo.support.UnstorableOrders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** A poison event parks its order's events and lets every other order flow; a retry handles them in order. */
@HttpTest
@Import(DeadLetterTest.FailingProjection.class)
// the only class with this configuration: closing its context stops its processors for the rest of the run
@DirtiesContext
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

    @Autowired
    FailingProjection projection;

    @Autowired
    EventStore eventStore;

    @Autowired
    DeadLetterOperations deadLetters;

    @Value("${ordo.processors.segments}")
    int segmentCount;

    @Autowired
    HttpJson http;

    HttpJson admin;

    @BeforeEach
    void client() {
        admin = http.asAdmin();
        Products.ensureStandardProducts(http);
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

        String firstEvent = admin.get("/api/admin/dead-letters/orders")
                .json()
                .at("/parked/0/letters/0/eventId")
                .asText();
        assertThat(deadLetters.letter("orders", poison, firstEvent).orElseThrow())
                .satisfies(letter -> assertThat(letter.type()).isEqualTo("OrderPlaced"))
                .satisfies(letter -> assertThat(letter.payloadJson()).contains("\"orderId\" : \"" + poison + "\""))
                .satisfies(letter -> assertThat(letter.retries()).isZero());

        JsonNode stillBroken =
                admin.post("/api/admin/dead-letters/orders/retry", null).json();
        assertThat(stillBroken.get("sequencesStillParked").asLong()).isEqualTo(1);
        assertThat(deadLetters
                        .letter("orders", poison, firstEvent)
                        .orElseThrow()
                        .retries())
                .as("the failed retry is counted")
                .isEqualTo(1);

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

    /**
     * An event whose rows no projection can store (a customer id longer than its column) fails only when the batch is
     * flushed at commit. It is put in the store directly, as an older version of the service could have done: it
     * lands in the dead-letter queue of each processor that cannot store it, a later order on the same segment
     * becomes visible, and health, metrics and the processor list say so until an operator deals with it.
     */
    @Test
    void anEventNoProjectionCanStoreIsParkedAndTheSegmentGoesOn() {
        String poison = "unstorable-" + UUID.randomUUID();
        String healthy = UnstorableOrders.onTheSameSegmentAs(poison, segmentCount);
        UnstorableOrders.place(eventStore, poison);

        assertThat(http.post("/api/orders", placeOrder(healthy, "customer-after-poison"))
                        .status())
                .isEqualTo(201);

        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String processor : List.of(OrderProjections.GROUP, OrderProjections.CUSTOMERS_GROUP)) {
                    JsonNode parked =
                            admin.get("/api/admin/dead-letters/" + processor).json();
                    assertThat(parked.get("parked"))
                            .extracting(sequence -> sequence.get("sequenceId").asText())
                            .containsExactly(poison);
                    assertThat(parked.at("/parked/0/letters/0/cause").asText())
                            .startsWith("its writes could not be stored");
                }
            });
            assertThat(http.get("/api/orders/" + healthy + "?minVersion=0").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(http.get("/api/customers/customer-after-poison/orders")
                                    .status())
                            .isEqualTo(200));
            assertThat(http.get("/api/orders/" + poison).status()).isEqualTo(404);

            JsonNode orders = admin.get("/api/admin/processors/orders").json();
            assertThat(orders.get("deadLetters").asLong()).isEqualTo(1);
            assertThat(orders.get("problems").toString()).contains("dead-letter queue");
            // the health check reads the processors at most once a second
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode health = admin.get("/actuator/health").json();
                assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
                assertThat(health.at("/components/eventProcessors/status").asText())
                        .isEqualTo("DEGRADED");
                assertThat(health.at("/components/eventProcessors/details/problems/customers")
                                .toString())
                        .contains("1 events parked");
            });
            assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(
                                    admin.get("/actuator/metrics/ordo.processor.dead_letters?tag=processor:customers")
                                            .json()
                                            .at("/measurements/0/value")
                                            .asDouble())
                            .isEqualTo(1.0));
            assertThat(admin.get("/actuator/metrics/ordo.processor.error?tag=processor:orders")
                            .status())
                    .isEqualTo(200);
            assertThat(admin.get("/actuator/metrics/ordo.processor.lag?tag=processor:customers")
                            .status())
                    .isEqualTo(200);

            // a retry cannot store it either, and leaves it parked rather than failing
            for (int attempt = 0; attempt < 3; attempt++) {
                JsonNode retried = admin.post("/api/admin/dead-letters/customers/retry", null)
                        .json();
                assertThat(retried.get("sequencesStillParked").asLong()).isEqualTo(1);
            }
        } finally {
            admin.delete("/api/admin/dead-letters/orders/" + poison);
            admin.delete("/api/admin/dead-letters/customers/" + poison);
            // the analytics projection cannot store its customer id either, and parks it too
            admin.delete("/api/admin/dead-letters/analytics/" + poison);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(admin.get("/actuator/health")
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("UP"));
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
