package io.ordo.operations.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.ShippingAddress;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long an audit of the orders projection takes over many orders, on demand only:
 * {@code ./mvnw -B -q test -Dtest=ProjectionAuditMeasurementTest -Dordo.audit.measure=10000 -Dspotless.check.skip=true}.
 * The orders' events (placed, then a line added) go straight into the store, in batches, so that filling it does not
 * dominate; the live processor projects them, and the audit is timed once it has caught up.
 */
@HttpTest
@EnabledIfSystemProperty(named = "ordo.audit.measure", matches = "\\d{1,7}")
class ProjectionAuditMeasurementTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    HttpJson http;

    @Test
    void auditsManyOrders() {
        int orders = Integer.getInteger("ordo.audit.measure");
        String run = "measure-" + System.nanoTime() + "-";
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            batch.addAll(orderEvents(run + i));
            if (batch.size() >= 1_000 || i == orders - 1) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        HttpJson admin = http.asAdmin();
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.get("/api/admin/processors/orders")
                                .json()
                                .get("lag")
                                .asLong()
                        == 0);

        Instant asked = Instant.now();
        assertThat(admin.post("/api/admin/projections/orders/audit", null).status())
                .isEqualTo(202);
        JsonNode[] audit = new JsonNode[1];
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    audit[0] = admin.get("/api/admin/projections/orders/audit").json();
                    assertThat(audit[0].get("status").asText()).isNotEqualTo("RUNNING");
                });
        Duration took = Duration.between(asked, Instant.now());

        assertThat(audit[0].get("status").asText()).as(audit[0].toString()).isEqualTo("COMPLETED");
        System.out.printf(
                "AUDIT of orders: %d orders added, %d events replayed, %d shadow rows, %d differences;"
                        + " %d ms on the server, %d ms for the client%n",
                orders,
                audit[0].get("eventsReplayed").asLong(),
                audit[0].get("rowsRebuilt").asLong(),
                audit[0].get("differenceCount").asLong(),
                Duration.between(
                                Instant.parse(audit[0].get("startedAt").asText()),
                                Instant.parse(audit[0].get("finishedAt").asText()))
                        .toMillis(),
                took.toMillis());
    }

    private static List<DomainEventMessage<?>> orderEvents(String orderId) {
        OrderLine mug = new OrderLine("sku-1", "Mug", 2, new BigDecimal("9.50"));
        OrderLine tea = new OrderLine("sku-2", "Tea", 1, new BigDecimal("4.25"));
        ShippingAddress address = new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE");
        return List.of(
                new GenericDomainEventMessage<>(
                        "Order",
                        orderId,
                        0,
                        new OrderPlaced(
                                orderId,
                                "customer-measure",
                                "EUR",
                                List.of(mug),
                                address,
                                new BigDecimal("19.00"),
                                "web")),
                new GenericDomainEventMessage<>(
                        "Order", orderId, 1, new OrderLineAdded(orderId, tea, new BigDecimal("23.25"), 2)));
    }
}
