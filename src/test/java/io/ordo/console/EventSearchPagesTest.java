package io.ordo.console;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The event search's and the products' pages over plain HTTP, where every machine runs them: what they find, and that
 * every filter is bounded (a 400 that reads nothing) before any browser is involved.
 */
@HttpTest
class EventSearchPagesTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    HttpJson http;

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleSession clerk;

    @BeforeEach
    void signedInClerk() {
        clerk = ConsoleSession.signedIn(port, "clerk", "clerk");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text=" + "x101",
                "from=2026-12-01T10:00&to=2026-12-01T09:00",
                "from=2026-12-01T10:00&to=2026-12-01T10:00",
                "from=yesterday",
                "size=0",
                "size=101",
                "before=0",
                "before=not-a-number",
                "aggregateId=%3Cscript%3E",
                "type=java.lang.Object%3B%20drop"
            })
    void aFilterOutOfBoundsIsABadRequest(String query) {
        String expanded = query.equals("text=x101") ? "text=" + "x".repeat(101) : query;

        assertThat(clerk.get("/console/events?" + expanded).statusCode()).isEqualTo(400);
    }

    @Test
    void theLongestTextAndAnyTimeRangeInOrderAreAccepted() {
        String query = "text=" + "x".repeat(EventSearchForm.MAX_TEXT)
                + "&from=2026-12-01T09:00&to=2026-12-01T10:00:00Z&size=100";

        assertThat(clerk.get("/console/events?" + query).statusCode()).isEqualTo(200);
    }

    @Test
    void anAggregatesIdFindsItsEventsAndNoOthers() {
        Products.ensureStandardProducts(http);
        String orderId = "events-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-events"))
                        .status())
                .isEqualTo(201);

        String page = clerk.get("/console/events?aggregateId=" + orderId).body();

        assertThat(page).contains("OrderPlaced").contains(orderId).contains("Ada Lovelace");
        assertThat(page).as("a product's events are not the order's").doesNotContain(">ProductRegistered</span>");
    }

    @Test
    void aPayloadIsShownEscaped() {
        Products.ensureStandardProducts(http);
        String orderId = "escaped-" + UUID.randomUUID();
        String hostile = placeOrder(orderId, "customer-escaped").replace("Ada Lovelace", "<b>Ada</b>");
        assertThat(http.post("/api/orders", hostile).status()).isEqualTo(201);

        String page = clerk.get("/console/events?aggregateId=" + orderId + "&text="
                        + URLEncoder.encode("<b>", StandardCharsets.UTF_8))
                .body();

        assertThat(page).contains("&lt;b&gt;Ada&lt;/b&gt;").doesNotContain("<b>Ada</b>");
    }

    @Test
    void productsShowTheirStock() {
        Products.ensureRegistered(http, "console-stock-1", "Console mug", "12.00", 3);

        String page =
                await().until(() -> clerk.get("/console/products").body(), body -> body.contains("console-stock-1"));

        assertThat(page).contains("Console mug").contains("Low stock");
        assertThat(projected("console-stock-1").body()).contains("ProductRegistered");
    }

    @Test
    void anAdministratorRestocksFromTheProductsPage() {
        Products.ensureRegistered(http, "console-stock-3", "Console jug", "8.00", 5);
        ConsoleSession admin = ConsoleSession.signedIn(port, "admin", "admin");
        Matcher csrf = CSRF_FIELD.matcher(
                admin.get("/console/products/console-stock-3").body());
        assertThat(csrf.find())
                .as("the restock form carries the session's CSRF token")
                .isTrue();

        HttpResponse<String> done =
                admin.post("/console/products/console-stock-3/restock", "quantity=5&_csrf=" + csrf.group(1));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Restocked.");
        assertThat(http.get("/api/products/console-stock-3/events").body()).contains("ProductRestocked");
        assertThat(admin.post("/console/products/console-stock-3/restock", "quantity=0&_csrf=" + csrf.group(1))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void onlyAnAdministratorRestocks() {
        Products.ensureRegistered(http, "console-stock-2", "Console tea", "3.00", 5);
        String product = projected("console-stock-2").body();
        assertThat(product).doesNotContain("Restock");

        assertThat(clerk.post("/console/products/console-stock-2/restock", "quantity=5")
                        .statusCode())
                .as("without the CSRF token, and not an ADMIN anyway")
                .isEqualTo(403);
        Matcher csrf = CSRF_FIELD.matcher(product);
        assertThat(csrf.find())
                .as("the sign-out form carries the session's token")
                .isTrue();
        assertThat(clerk.post("/console/products/console-stock-2/restock", "quantity=5&_csrf=" + csrf.group(1))
                        .statusCode())
                .as("with the token, but a clerk")
                .isEqualTo(403);
    }

    @Test
    void aStockChangeIsStreamedToTheProductsPagesAndANewEventToTheTail() throws Exception {
        Products.ensureRegistered(http, "console-stock-4", "Console cup", "2.00", 3);
        List<String> stock = new CopyOnWriteArrayList<>();
        List<String> tail = new CopyOnWriteArrayList<>();
        try (AutoCloseable stockStream = clerk.stream("/console/products/live", stock);
                AutoCloseable tailStream = clerk.stream("/console/events/live", tail)) {
            await().until(() -> stock.contains(":open") && tail.contains(":open"));

            assertThat(http.asAdmin()
                            .post("/api/products/console-stock-4/restock", "{\"quantity\":4}")
                            .status())
                    .isEqualTo(200);

            await().until(() -> stock.stream().anyMatch(line -> line.contains("\"productId\":\"console-stock-4\"")));
            assertThat(stock)
                    .contains("event:stock")
                    .anySatisfy(line -> assertThat(line).contains("\"available\":7"));
            await().until(() -> tail.stream().anyMatch(line -> line.contains("ProductRestocked")));
            assertThat(tail).contains("event:events");
        }
    }

    /** The product's page once the product projection has the product (it is registered through the API). */
    private HttpResponse<String> projected(String productId) {
        return await().until(() -> clerk.get("/console/products/" + productId), page -> page.statusCode() == 200);
    }
}
