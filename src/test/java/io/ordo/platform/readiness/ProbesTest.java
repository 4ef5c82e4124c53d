package io.ordo.platform.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The probes Kubernetes calls: open to anyone, with no details for anyone but an admin; readiness out of service while
 * a projection is further behind than {@code ordo.readiness.max-projection-lag} (100 in the tests), liveness not.
 */
@HttpTest
class ProbesTest {

    @Autowired
    HttpJson http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CommandGateway commands;

    @Value("${ordo.readiness.max-projection-lag}")
    int maxLag;

    @Test
    void probesAreOpenToAnyoneButShowTheirComponentsOnlyToAnAdmin() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Response anonymous = http.anonymous().get(probe);
            assertThat(anonymous.status()).as(probe).isEqualTo(200);
            assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
            assertThat(anonymous.json().has("components")).as(probe).isFalse();
        }

        JsonNode readiness = http.asAdmin().get("/actuator/health/readiness").json();
        assertThat(readiness.get("components").properties())
                .extracting(component -> component.getKey())
                .containsExactlyInAnyOrder("readinessState", "eventStore", "projections");
        assertThat(readiness.at("/components/projections/details/lag").properties())
                .extracting(component -> component.getKey())
                .as("sagas do not serve reads")
                .contains("orders", "customers", "products")
                .doesNotContain("order-fulfilment");
        JsonNode liveness = http.asAdmin().get("/actuator/health/liveness").json();
        assertThat(liveness.get("components").properties())
                .extracting(component -> component.getKey())
                .as("a database that is down is no reason to restart the process")
                .containsExactly("livenessState");
    }

    @Test
    void readinessIsOutOfServiceWhileAProjectionIsFurtherBehindThanTheBoundAndBackOnceCaughtUp() {
        StreamingEventProcessor products = processing
                .eventProcessor("products", StreamingEventProcessor.class)
                .orElseThrow();
        products.shutdownAsync().join();
        try {
            String customer = "probe-customer-" + UUID.randomUUID();
            // half as many again as the bound: every PlaceOrder appends one event
            for (int i = 0; i < maxLag * 3 / 2; i++) {
                commands.sendAndWait(placeOrder("probe-" + UUID.randomUUID(), customer));
            }

            Response readiness = http.anonymous().get("/actuator/health/readiness");
            assertThat(readiness.status())
                    .as("%s", http.asAdmin().get("/actuator/health/readiness").body())
                    .isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(http.asAdmin()
                            .get("/actuator/health/readiness")
                            .json()
                            .at("/components/projections/details/lag/products")
                            .asLong())
                    .isGreaterThan(maxLag);
            assertThat(http.anonymous().get("/actuator/health/liveness").status())
                    .as("a projection behind is no reason to restart the process")
                    .isEqualTo(200);
        } finally {
            products.start();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.anonymous()
                                .get("/actuator/health/readiness")
                                .status())
                        .isEqualTo(200));
    }

    private static PlaceOrder placeOrder(String orderId, String customerId) {
        return new PlaceOrder(
                orderId,
                customerId,
                "EUR",
                List.of(new OrderLine("sku-1", "Mug", 1, new BigDecimal("4.75"))),
                new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE"));
    }
}
