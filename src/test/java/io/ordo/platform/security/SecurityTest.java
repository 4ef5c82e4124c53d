package io.ordo.platform.security;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may call what, how refusals look, and the limits on what a request may send. The user {@link #TARGET} and the
 * sign-in throttle's window of an hour come from {@code application-test.yml}, so this class shares the HTTP tests'
 * context.
 */
@HttpTest
class SecurityTest {

    static final String TARGET = "target-of-guessing";
    static final String TARGET_PASSWORD = "the-right-password";

    @Autowired
    HttpJson clerk;

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
        void anAbusedAuthorizationHeaderIsASmallUnauthorizedProblem() {
            Base64.Encoder base64 = Base64.getEncoder();
            List<String> abused = List.of(
                    "Basic",
                    "Basic !!!not-base64!!!",
                    "Basic " + base64.encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString(("u".repeat(3000) + ":p").getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString("clerk\u0000:clerk".getBytes(StandardCharsets.UTF_8)),
                    "Bearer not.a.jwt",
                    "Digest username=\"clerk\"");

            for (String authorization : abused) {
                Response response = clerk.anonymous()
                        .send(
                                "GET",
                                "/api/orders",
                                null,
                                null,
                                "application/json",
                                Map.of("Authorization", authorization));

                assertThat(response.status()).as(authorization).isIn(400, 401);
                assertThat(response.contentType()).as(authorization).startsWith("application/problem+json");
                assertThat(response.body().length()).as(authorization).isLessThan(1024);
                assertThat(response.body()).doesNotContain("uuuuuuuuuu");
            }
        }

        @Test
        void anAuthenticatedUserMayUseTheApi() {
            assertThat(clerk.get("/api/orders").status()).isEqualTo(200);
        }
    }

    @Nested
    class Throttling {

        @Test
        void repeatedWrongPasswordsForANameAreThrottledEvenTheRightOneAndNoOtherUser() {
            // 10 failures per name per window
            for (int guess = 0; guess < 10; guess++) {
                assertProblem(clerk.as(TARGET, "guess-" + guess).get("/api/orders"), 401);
            }

            Response throttled = clerk.as(TARGET, "guess-10").get("/api/orders");
            Response rightPassword = clerk.as(TARGET, TARGET_PASSWORD).get("/api/orders");

            assertProblem(throttled, 429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 360L);
            assertThat(throttled.header("WWW-Authenticate")).isNull();
            assertProblem(rightPassword, 429);
            assertThat(clerk.get("/api/orders").status()).isEqualTo(200);
            assertThat(clerk.asAdmin().get("/api/orders").status()).isEqualTo(200);
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
            Products.ensureStandardProducts(clerk);
            Response scrape = clerk.asAdmin().send("GET", "/actuator/prometheus", null, null, "text/plain");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("commandBus_successCounter_total");
            assertThat(clerk.asAdmin().get("/actuator/metrics").status()).isEqualTo(200);
        }

        @Test
        void theBillOfMaterialsIsForAdmins() {
            // what the jar ships, versions included, is a map for an attacker: the ADMIN role, like the metrics
            assertProblem(clerk.get("/actuator/sbom"), 403);
            assertProblem(clerk.anonymous().get("/actuator/sbom"), 401);
            assertThat(clerk.asAdmin().get("/actuator/sbom").status()).isEqualTo(200);
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
