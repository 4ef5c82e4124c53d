package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Orders;
import io.ordo.support.Products;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * How long the Orders screens take with 100,000 orders in the list (the console's target: a page in under 300 ms).
 * A measurement, not a test of the suite: it runs only when asked, in a service of its own, and prints its figures.
 *
 * <pre>./mvnw -B -q test -Dtest=ConsoleOrdersAtScaleCheck -Dordo.console.scale=true -Dspotless.check.skip=true</pre>
 */
@HttpTest
@TestPropertySource(properties = "ordo.console.fresh-read-timeout=2s") // a context of its own: it adds 100,000 rows
@EnabledIfSystemProperty(named = "ordo.console.scale", matches = "true")
class ConsoleOrdersAtScaleCheck {

    private static final int ORDERS = 100_000;
    private static final int RUNS = 30;

    @Value("${local.server.port}")
    int port;

    @Autowired
    HttpJson http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesOfTheOrdersScreensWithAHundredThousandOrders() throws Exception {
        // the list's rows as the projection writes them, straight into its table: placing 100,000 orders would take
        // minutes and measure the commands, not the page
        jdbc.update(("insert into order_summary (order_id, customer_id, status, line_count, total, currency, placed_at,"
                        + " updated_at, version)"
                        + " select 'bulk-' || x, 'customer-' || mod(x, 1000), case mod(x, 4) when 0 then 'PLACED'"
                        + " when 1 then 'CONFIRMED' when 2 then 'SHIPPED' else 'DELIVERED' end, 2, 23.25, 'EUR',"
                        + " dateadd(second, x, %1$s), dateadd(second, x, %1$s), 3 from system_range(1, %2$d)")
                .formatted("timestamp with time zone '2026-01-01 00:00:00+00'", ORDERS));
        Products.ensureStandardProducts(http);
        http.post("/api/orders", Orders.placeOrder("scale-order-1", "customer-7"));
        http.post("/api/orders/scale-order-1/confirm", "");

        HttpClient browser = signedIn();
        String middle = "2026-01-01T13:53:20Z~bulk-50000";
        List<String> pages = List.of(
                "/console/orders",
                "/console/orders?size=100",
                "/console/orders/table",
                "/console/orders?status=SHIPPED",
                "/console/orders?q=customer-7",
                "/console/orders?q=bulk-77777",
                "/console/orders?after=" + middle,
                "/console/orders?status=DELIVERED&after=" + middle,
                "/console/orders/scale-order-1",
                "/console/orders/scale-order-1/as-of?version=0");
        System.out.printf("%n%-60s %8s %8s %8s%n", "page (100,000 orders)", "p50 ms", "p95 ms", "max ms");
        for (String page : pages) {
            List<Double> millis = new ArrayList<>();
            for (int run = 0; run < RUNS + 5; run++) {
                long start = System.nanoTime();
                HttpResponse<String> answer =
                        browser.send(HttpRequest.newBuilder(uri(page)).build(), HttpResponse.BodyHandlers.ofString());
                double took = (System.nanoTime() - start) / 1e6;
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                if (run >= 5) { // the first few warm the JIT and the caches
                    millis.add(took);
                }
            }
            Collections.sort(millis);
            System.out.printf(
                    "%-60s %8.1f %8.1f %8.1f%n",
                    page, millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.get(RUNS - 1));
        }
    }

    private HttpClient signedIn() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(
                        HttpRequest.newBuilder(uri("/console/sign-in")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        client.send(
                HttpRequest.newBuilder(uri("/console/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=clerk&password=clerk&_csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
