package io.ordo.platform;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Filters see the path Spring sees: a path Spring would decode or normalise into another is refused before its body
 * is read, every body is limited whatever its path, and a path no rule names needs a signed-in user.
 */
@HttpTest
class CanonicalPathTest {

    /** Spellings Spring matches as /api/orders. */
    private static final List<String> ORDERS_SPELLED_OTHERWISE = List.of(
            "/%61pi/orders",
            "/%41PI/orders".replace("PI", "pi"),
            "/api/%6Frders",
            "/api//orders",
            "//api/orders",
            "/api/./orders",
            "/api/orders/.",
            "/api/x/../orders",
            "/api/%2e/orders");

    @Autowired
    HttpJson http;

    @Test
    void aHugeBodyToAnySpellingOfAPathIsRefusedBeforeItIsRead() {
        String orderId = "path-" + UUID.randomUUID();
        String huge = placeOrder(orderId, "c" + "x".repeat(5 * 1024 * 1024));

        for (String path : ORDERS_SPELLED_OTHERWISE) {
            Response response = http.post(path, huge);
            assertThat(response.status()).as(path + " " + response).isIn(400, 413);
            assertSmallProblem(response);
        }
        assertThat(http.post("/api/orders", huge).status()).isEqualTo(413);
        assertThat(http.get("/api/orders/" + orderId + "/events").status()).isEqualTo(404);
    }

    @Test
    void anIdempotentRequestToAnotherSpellingIsRefusedAndRunsNothing() {
        String orderId = "path-" + UUID.randomUUID();

        for (String path : ORDERS_SPELLED_OTHERWISE) {
            Response response = http.send(
                    "POST",
                    path,
                    placeOrder(orderId, "c"),
                    "application/json",
                    "application/json",
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertSmallProblem(response);
        }
        assertThat(http.get("/api/orders/" + orderId + "/events").status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedOnEveryPathNotOnlyTheApi() {
        String huge = "{\"x\":\"" + "x".repeat(70 * 1024) + "\"}";

        for (String path : List.of("/actuator/health", "/not-an-api", "/v3/api-docs", "/api/payments/x")) {
            Response response = http.anonymous().post(path, huge);
            assertThat(response.status()).as(path).isEqualTo(413);
            assertSmallProblem(response);
        }
    }

    @Test
    void anEncodedSlashIsRefusedByTheServerItselfBeforeTheApplicationSeesIt() {
        String huge = "{\"x\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        // Tomcat's own 400 (its HTML error page): the request never reaches a filter or a controller
        assertThat(http.unchecked().post("/api/orders%2F", huge).status()).isEqualTo(400);
        assertThat(http.unchecked().post("/api/orders%2fx", huge).status()).isEqualTo(400);
    }

    @Test
    void whatTheFirewallRefusesIsAProblemToo() {
        Response response = http.get("/api/orders;jsessionid=1");

        assertThat(response.status()).isEqualTo(400);
        assertSmallProblem(response);
    }

    @Test
    void encodedCharactersThatNeedEncodingStillWork() {
        // a customer id is bounded by length only, so that ids stored before the id rule stay readable
        Response response = http.get("/api/customers/no%20such%C3%A9customer/orders");

        assertThat(response.status()).isEqualTo(404);
    }

    @Nested
    class DenyByDefault {

        @ParameterizedTest
        @ValueSource(strings = {"/", "/index.html", "/not-an-api", "/api", "/apix/orders", "/api/no-such-thing"})
        void aPathNoRuleNamesNeedsASignedInUser(String path) {
            Response anonymous = http.anonymous().get(path);

            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertSmallProblem(anonymous);
        }

        @Test
        void theOpenEndpointsStayOpen() {
            assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(http.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        }
    }

    private static void assertSmallProblem(Response response) {
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).hasSizeLessThan(1024);
    }
}
