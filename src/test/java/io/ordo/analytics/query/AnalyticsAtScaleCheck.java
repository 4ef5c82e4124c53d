package io.ordo.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.analytics.api.FindCustomers;
import io.ordo.analytics.api.FindFulfilmentTimes;
import io.ordo.analytics.api.FindFunnel;
import io.ordo.analytics.api.FindSales;
import io.ordo.analytics.api.FindSummary;
import io.ordo.analytics.api.FindTopProducts;
import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.api.TimeWindow;
import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.ShippingAddress;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * What the analytics figures and the console's Dashboard cost with 100,000 orders placed within ten minutes (all in
 * every window the dashboard offers). A measurement, not a test of the suite: it runs only when asked, in a service of
 * its own, and prints its figures.
 *
 * <pre>./mvnw -B -q test -Dtest=AnalyticsAtScaleCheck -Dordo.console.scale=true -Dspotless.check.skip=true</pre>
 *
 * The orders go through the projection's own handlers in batches of 500 orders' events (as the processor would hand
 * them, buckets included), not through commands: placing 100,000 orders would measure the commands.
 */
@HttpTest
@TestPropertySource(properties = "ordo.analytics.low-stock-below=6") // a context of its own: it adds 100,000 orders
@EnabledIfSystemProperty(named = "ordo.console.scale", matches = "true")
class AnalyticsAtScaleCheck {

    private static final int ORDERS = 100_000;
    private static final int BATCH = 500;
    private static final int RUNS = 30;
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE");

    @Value("${local.server.port}")
    int port;

    @Autowired
    HttpJson http;

    @Autowired
    AnalyticsProjection projection;

    @Test
    void figuresAndTheDashboardWithAHundredThousandOrders() throws Exception {
        Products.ensureStandardProducts(http);
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        long filling = System.nanoTime();
        for (int first = 0; first < ORDERS; first += BATCH) {
            int from = first;
            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                for (int i = from; i < from + BATCH; i++) {
                    order(i, start.plusMillis(i * 5L));
                }
            });
        }
        System.out.printf(
                "%nprojected %,d orders (their events and buckets) in %.1f s%n",
                ORDERS, (System.nanoTime() - filling) / 1e9);

        // the figures hold the orders (the timings below are of real answers)
        assertThat(projection.handle(new FindSummary(day(0))).orders()).isGreaterThanOrEqualTo(ORDERS);
        assertThat(projection.handle(new FindTopProducts(day(0), 20)).byUnits()).hasSize(20);
        assertThat(projection
                        .handle(new FindFulfilmentTimes(day(0)))
                        .steps()
                        .get(0)
                        .orders())
                .isPositive();

        Map<String, IntFunction<Object>> figures = new LinkedHashMap<>();
        figures.put("summary 24h", run -> projection.handle(new FindSummary(day(run))));
        figures.put("sales 24h by hour", run -> projection.handle(new FindSales(day(run), Granularity.HOUR)));
        figures.put("sales 1h by minute", run -> projection.handle(new FindSales(hour(run), Granularity.MINUTE)));
        figures.put("funnel 24h", run -> projection.handle(new FindFunnel(day(run))));
        figures.put("fulfilment times 24h", run -> projection.handle(new FindFulfilmentTimes(day(run))));
        figures.put("top products 24h", run -> projection.handle(new FindTopProducts(day(run), 20)));
        figures.put("top products 30d", run -> projection.handle(new FindTopProducts(days(30, run), 20)));
        figures.put("customers 24h, one", run -> projection.handle(new FindCustomers(day(run), "customer-7", 10)));
        figures.put("customers 24h, top 10", run -> projection.handle(new FindCustomers(day(run), null, 10)));
        System.out.printf("%n%-40s %8s %8s %8s%n", "figure, computed (100,000 orders)", "p50 ms", "p95 ms", "max ms");
        for (Map.Entry<String, IntFunction<Object>> figure : figures.entrySet()) {
            // each run asks a window of its own (a millisecond apart), so no answer comes from the shared cache
            print(figure.getKey(), time(run -> figure.getValue().apply(run)));
        }

        HttpClient browser = signedIn();
        List<String> page = List.of(
                "/console",
                "/console/dashboard/kpis?window=24h",
                "/console/dashboard/stock",
                "/console/dashboard/charts?window=24h");
        System.out.printf(
                "%n%-40s %8s %8s %8s%n", "dashboard, figures changed before each", "p50 ms", "p95 ms", "max ms");
        print("page and its fragments, one after another", time(run -> {
            // a new order first: the figures changed, so every fragment computes them again as a live dashboard does
            DefaultUnitOfWork.startAndGet(null).execute(() -> order(ORDERS + run, Instant.now()));
            for (String path : page) {
                HttpResponse<String> answer = get(browser, path);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
            return null;
        }));
    }

    /** An order's events: placed with two lines, and taken through or out of the funnel by its number. */
    private void order(int i, Instant placed) {
        String orderId = "scale-" + i;
        String currency = i % 10 == 0 ? "USD" : "EUR";
        List<OrderLine> lines = List.of(
                new OrderLine("sku-" + (i % 50), "Product " + (i % 50), 1 + i % 3, new BigDecimal("9.50")),
                new OrderLine("sku-" + (i % 7 + 50), "Product " + (i % 7 + 50), 1, new BigDecimal("4.25")));
        BigDecimal total =
                new BigDecimal("9.50").multiply(BigDecimal.valueOf(1 + i % 3)).add(new BigDecimal("4.25"));
        projection.on(new OrderPlaced(orderId, "customer-" + (i % 20_000), currency, lines, ADDRESS, total), 0, placed);
        if (i % 20 == 0) {
            projection.on(
                    new OrderCancelled(orderId, "changed my mind", OrderStatus.PLACED), 1, placed.plusSeconds(30));
            return;
        }
        projection.on(new OrderConfirmed(orderId, total, currency, lines), 1, placed.plusSeconds(1));
        if (i % 33 == 0) {
            projection.on(new OrderRejected(orderId, "OUT_OF_STOCK sku-1"), 2, placed.plusSeconds(2));
            return;
        }
        Instant paid = placed.plusMillis(1_000 + i % 60_000);
        if (i % 5 < 4) {
            projection.on(new OrderPaid(orderId, "psp", total, currency), 2, paid);
        }
        if (i % 5 < 3) {
            projection.on(new OrderShipped(orderId, "dhl", "t-" + i), 3, paid.plusSeconds(60 + i % 3_600));
        }
        if (i % 5 < 1) {
            projection.on(new OrderDelivered(orderId), 4, paid.plusSeconds(7_200 + i % 86_400));
        }
    }

    private static TimeWindow hour(int run) {
        Instant end = Instant.now().plusSeconds(1);
        return new TimeWindow(end.minus(Duration.ofHours(1)).plusMillis(run), end);
    }

    private static TimeWindow day(int run) {
        return days(1, run);
    }

    private static TimeWindow days(int days, int run) {
        Instant end = Instant.now().plusSeconds(1);
        return new TimeWindow(end.minus(Duration.ofDays(days)).minusMillis(run), end);
    }

    private static List<Double> time(IntFunction<Object> work) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS + 5; run++) {
            long began = System.nanoTime();
            work.apply(run);
            if (run >= 5) { // the first few warm the JIT and the caches
                millis.add((System.nanoTime() - began) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static void print(String name, List<Double> millis) {
        System.out.printf(
                "%-40s %8.1f %8.1f %8.1f%n",
                name, millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.get(RUNS - 1));
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        try {
            return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private HttpClient signedIn() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = get(client, "/console/sign-in").body();
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
