package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Orders;
import io.ordo.support.Products;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The console's order screens over plain HTTP, where every machine runs them: what the list and an order's page
 * show, the bounds of their parameters, errors as pages, and actions sent with the version the page showed.
 */
@HttpTest
class ConsoleOrderPagesTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Value("${local.server.port}")
    int port;

    @Autowired
    HttpJson http;

    private HttpClient client;

    @BeforeEach
    void aSignedInClerk() throws Exception {
        Products.ensureStandardProducts(http);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(get("/console/sign-in").body());
        assertThat(post("/console/sign-in", "username=clerk&password=clerk&_csrf=" + token)
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void theListFindsAnOrderByItsIdAndByItsCustomerAndFiltersByStatus() throws Exception {
        String customer = unique("customer");
        String orderId = placed(customer);

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(get("/console/orders").body()).contains("data-order-id=\"" + orderId + "\""));
        assertThat(get("/console/orders?q=" + orderId).body()).contains("data-order-id=\"" + orderId + "\"");
        assertThat(get("/console/orders?q=" + customer).body()).contains("data-order-id=\"" + orderId + "\"");
        assertThat(get("/console/orders?q=" + customer + "&status=SHIPPED").body())
                .doesNotContain("data-order-id=\"" + orderId + "\"")
                .contains("No orders match.");
        assertThat(get("/console/orders?q=a%26b%3Dc").body())
                .as("the search is encoded whole in the links the page re-fetches")
                .contains("/console/orders/table?q=a%26b%3Dc");
        assertThat(get("/console/orders/table?q=" + customer).body())
                .as("the fragment the page re-fetches live")
                .contains("data-order-id=\"" + orderId + "\"")
                .doesNotContain("<html");
    }

    @Test
    void theListPagesOnFromTheLastOrderShownWithoutSkippingOrRepeating() throws Exception {
        String customer = unique("customer");
        String first = placed(customer);
        String second = placed(customer);
        String third = placed(customer);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(get("/console/orders?q=" + customer).body()).contains(first, second, third));

        String page1 = get("/console/orders?size=2&q=" + customer).body();
        Matcher older = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(page1);
        assertThat(older.find()).as("a link to the older orders").isTrue();
        String page2 = get(older.group(1).replace("&amp;", "&")).body();

        assertThat(rows(page1)).isEqualTo(2);
        assertThat(rows(page2)).isEqualTo(1);
        assertThat(page1 + page2).contains(first, second, third);
        assertThat(page2).contains("data-order-id=\"" + first + "\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void unboundedOrMalformedListParametersAreA400Page() throws Exception {
        for (String query : new String[] {
            "size=0", "size=101", "size=many", "status=LOST", "after=yesterday", "q=" + "x".repeat(256)
        }) {
            HttpResponse<String> answer = get("/console/orders?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).contains("role=\"alert\"").doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownOrderIsA404PageAndAMalformedIdA400Page() throws Exception {
        HttpResponse<String> unknown = get("/console/orders/no-such-order");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unknown.body()).contains("There is no order no-such-order", "Back to the orders");

        HttpResponse<String> malformed = get("/console/orders/" + "x".repeat(65));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("role=\"alert\"");

        assertThat(http.unchecked().get("/api/orders/no-such-order").contentType())
                .as("the JSON API keeps its problem+json")
                .startsWith("application/problem+json");
    }

    @Test
    void anOrdersPageShowsItsStateLinesTimelineAndItsPast() throws Exception {
        String orderId = placed(unique("customer"));
        http.post("/api/orders/" + orderId + "/lines", Orders.line("sku-3", 1, "1.99"));

        String page = await().atMost(WAIT)
                .until(
                        () -> get("/console/orders/" + orderId).body(),
                        body -> body.contains("id=\"order-version\">1<"));
        assertThat(page).contains("id=\"order-status\"", ">PLACED<", "Ada Lovelace", "OrderPlaced", "OrderLineAdded");
        assertThat(page).contains(">clerk<").as("who: the principal of the events");

        HttpResponse<String> past = get("/console/orders/" + orderId + "/as-of?version=0");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.body())
                .contains("id=\"as-of-version\">0<", "sku-1", "sku-2")
                .doesNotContain("sku-3");
        assertThat(get("/console/orders/" + orderId + "/as-of?version=9").statusCode())
                .isEqualTo(404);
        assertThat(get("/console/orders/" + orderId + "/as-of?at=not-an-instant")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anActionSentForAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
        String orderId = placed(unique("customer"));
        http.post("/api/orders/" + orderId + "/lines", Orders.line("sku-3", 1, "1.99"));
        String page = await().atMost(WAIT)
                .until(
                        () -> get("/console/orders/" + orderId).body(),
                        body -> body.contains("id=\"order-version\">1<"));

        HttpResponse<String> stale = post("/console/orders/" + orderId + "/confirm", "version=0&_csrf=" + csrf(page));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed meanwhile", "id=\"refusal\"");
        assertThat(http.get("/api/orders/" + orderId + "/events")
                        .json()
                        .get("events")
                        .size())
                .isEqualTo(2);

        HttpResponse<String> confirmed =
                post("/console/orders/" + orderId + "/confirm", "version=1&_csrf=" + csrf(page));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("done=CONFIRMED", "version=2"));
    }

    @Test
    void cancellingNeedsABoundedReasonAndAnOrderThatCanStillBeCancelled() throws Exception {
        String orderId = placed(unique("customer"));
        String page = await().atMost(WAIT)
                .until(
                        () -> get("/console/orders/" + orderId).body(),
                        body -> body.contains("id=\"order-version\">0<"));
        String token = csrf(page);

        assertThat(post("/console/orders/" + orderId + "/cancel", "version=0&reason=&_csrf=" + token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/console/orders/" + orderId + "/cancel",
                                "version=0&reason=" + "x".repeat(501) + "&_csrf=" + token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/console/orders/" + orderId + "/cancel", "version=0&reason=customer+called&_csrf=" + token)
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> again = post("/console/orders/" + orderId + "/confirm", "version=1&_csrf=" + token);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is CANCELLED; only a PLACED order can confirm", "id=\"refusal\"");
    }

    @Test
    void anActionWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        String orderId = placed(unique("customer"));

        assertThat(post("/console/orders/" + orderId + "/confirm", "version=0").statusCode())
                .isEqualTo(403);
    }

    private String placed(String customer) {
        String orderId = unique("order");
        assertThat(http.post("/api/orders", Orders.placeOrder(orderId, customer))
                        .status())
                .isEqualTo(201);
        return orderId;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static int rows(String page) {
        return page.split("data-order-id=").length - 1;
    }

    private static String csrf(String page) {
        Matcher token = CSRF_FIELD.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
