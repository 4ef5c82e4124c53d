package io.ordo.platform.security;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.Catalog;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who may call what, how refusals look, and the limits on what a request may send. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability // Spring Boot tests leave metrics export off unless asked
class SecurityTest {

    @LocalServerPort
    int port;

    HttpJson clerk;

    @BeforeEach
    void client() {
        clerk = new HttpJson("http://localhost:" + port);
    }

    @Nested
    class SigningIn {

        @Test
        void theApiNeedsAnAuthenticatedUser() {
            Response anonymous = clerk.anonymous().post("/api/orders", placeOrder("o-" + UUID.randomUUID(), "c"));

            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
            assertProblem(clerk.anonymous().get("/api/orders"), 401);
        }

        @Test
        void aWrongPasswordIsUnauthorized() {
            assertProblem(clerk.as("clerk", "wrong").get("/api/orders"), 401);
        }

        @Test
        void anAuthenticatedUserMayUseTheApi() {
            assertThat(clerk.get("/api/orders").status()).isEqualTo(200);
        }
    }

    @Nested
    class AdminEndpoints {

        @Test
        void needTheAdminRole() {
            assertProblem(clerk.anonymous().get("/api/admin/processors"), 401);
            assertProblem(clerk.get("/api/admin/processors"), 403);
            assertProblem(clerk.post("/api/admin/processors/orders/replay", null), 403);
            assertProblem(clerk.get("/api/admin/dead-letters"), 403);
            assertThat(clerk.asAdmin().get("/api/admin/processors").status()).isEqualTo(200);
            assertThat(clerk.asAdmin().get("/api/admin/dead-letters").status()).isEqualTo(200);
        }
    }

    @Nested
    class Actuator {

        @Test
        void healthIsOpenButItsDetailsAreForAdmins() {
            Response open = clerk.anonymous().get("/actuator/health");
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.json().get("status").asText()).isEqualTo("UP");
            assertThat(open.json().has("components")).isFalse();
            assertThat(clerk.asAdmin().get("/actuator/health").json().has("components"))
                    .isTrue();
        }

        @Test
        void metricsAndPrometheusAreForAdminsAndCarryAxonsMetrics() {
            assertProblem(clerk.get("/actuator/prometheus"), 403);
            Catalog.ensureStandardProducts(clerk);
            Response scrape = clerk.asAdmin().send("GET", "/actuator/prometheus", null, null, "text/plain");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("commandBus_successCounter_total");
            assertThat(clerk.asAdmin().get("/actuator/metrics").status()).isEqualTo(200);
        }

        @Test
        void exposesNothingElse() {
            assertThat(clerk.asAdmin().get("/actuator/env").status()).isEqualTo(404);
            assertThat(clerk.asAdmin().get("/actuator/beans").status()).isEqualTo(404);
        }
    }

    @Nested
    class RequestLimits {

        @Test
        void aBodyOverTheLimitIsTooLarge() {
            String huge = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";
            assertProblem(clerk.post("/api/orders/any/cancel", huge), 413);
        }

        @Test
        void deepNestingIsRefused() {
            String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
            assertProblem(clerk.post("/api/orders", deep), 400);
        }

        @Test
        void aVeryLongStringIsRefused() {
            String body = placeOrder("o-" + UUID.randomUUID(), "c".repeat(20 * 1024));
            assertProblem(clerk.post("/api/orders", body), 400);
        }
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContainPattern("(Exception|io\\.ordo|org\\.springframework)");
    }
}
