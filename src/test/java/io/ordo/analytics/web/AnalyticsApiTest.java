package io.ordo.analytics.web;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The analytics over HTTP on the whole service: figures from real orders, bounds, the live stream and a replay. */
@HttpTest
class AnalyticsApiTest {

    @Autowired
    HttpJson http;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    HttpJson admin;

    @BeforeEach
    void products() {
        admin = http.asAdmin();
        Products.ensureStandardProducts(http);
    }

    @Test
    void anOrderCommittedShowsOnTheLiveStreamAndInTheFigures() throws Exception {
        try (LiveStream stream = LiveStream.open(baseUrl())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            long before = http.get("/api/analytics/summary?window=1h")
                    .json()
                    .get("orders")
                    .asLong();

            String orderId = "live-" + System.nanoTime();
            assertThat(http.post("/api/orders", placeOrder(orderId, "live-customer"))
                            .status())
                    .isEqualTo(201);

            // other tests' orders may reach the stream first, and a figure read just before this order's batch may be
            // shared for a moment: both the stream's message and the figure are awaited
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stream.lines())
                        .containsSubsequence("event:analytics")
                        .anySatisfy(line -> assertThat(line).startsWith("data:").contains("SALES"));
                assertThat(http.get("/api/analytics/summary?window=1h")
                                .json()
                                .get("orders")
                                .asLong())
                        .isGreaterThan(before);
            });
        }
    }

    @Test
    void answersEveryFigureOfARecentWindow() {
        String orderId = "figures-" + System.nanoTime();
        assertThat(http.post("/api/orders", placeOrder(orderId, "figures-customer"))
                        .status())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(http.get("/api/analytics/customers?customerId=figures-customer&window=15m")
                                        .json()
                                        .at("/customers/0/orders")
                                        .asLong())
                                .isPositive());
        JsonNode sales =
                http.get("/api/analytics/sales?window=1h&granularity=minute").json();
        assertThat(sales.get("buckets").toString()).contains("\"currency\":\"EUR\"");
        JsonNode top = http.get("/api/analytics/products?window=1h&limit=5").json();
        assertThat(top.get("byUnits").toString()).contains("sku-1");
        JsonNode funnel = http.get("/api/analytics/funnel?window=1h").json();
        assertThat(funnel.at("/stages/0/step").asText()).isEqualTo("PLACED");
        assertThat(funnel.at("/stages/0/orders").asLong()).isPositive();
        assertThat(http.get("/api/analytics/fulfilment-times").json().get("steps"))
                .hasSize(3);
        assertThat(http.get("/api/analytics/stock?lowBelow=10")
                        .json()
                        .get("lowBelow")
                        .asInt())
                .isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/analytics/summary?window=2h",
                "/api/analytics/summary?from=2025-01-01T00:00:00Z",
                "/api/analytics/summary?window=1h&from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z",
                "/api/analytics/summary?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z",
                "/api/analytics/summary?from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
                "/api/analytics/summary?from=yesterday&to=2025-01-01T00:00:00Z",
                "/api/analytics/sales?window=7d&granularity=minute",
                "/api/analytics/sales?granularity=second",
                "/api/analytics/products?limit=0",
                "/api/analytics/products?limit=101",
                "/api/analytics/stock?lowBelow=-1",
                "/api/analytics/customers?customerId=not%20an%20id",
                "/api/analytics/customers?limit=1000"
            })
    void refusesAnUnboundedOrMalformedRequestWithAProblem(String path) {
        Response response = http.get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void needsASignedInUser() {
        assertThat(http.anonymous().get("/api/analytics/summary").status()).isEqualTo(401);
    }

    /** The analytics processor is operated like the others: listed, with a dead-letter queue, and replayable. */
    @Test
    void resetAndReplayGiveTheSameFigures() {
        for (int i = 0; i < 12; i++) {
            String orderId = "analytics-replay-" + i + "-" + System.nanoTime();
            assertThat(http.post("/api/orders", placeOrder(orderId, "replay-customer-" + (i % 3)))
                            .status())
                    .isEqualTo(201);
            if (i % 2 == 0) {
                assertThat(http.post("/api/orders/" + orderId + "/confirm", null)
                                .status())
                        .isEqualTo(200);
            }
            if (i % 5 == 0) {
                assertThat(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}")
                                .status())
                        .isEqualTo(200);
            }
        }
        awaitQuiet();
        Instant now = Instant.now();
        String window = "from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now.plus(1, ChronoUnit.DAYS);
        Map<String, Object> before = figures(window);

        Response replay = admin.post("/api/admin/processors/analytics/replay", null);

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = admin.get("/api/admin/processors/analytics").json();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("lag").asLong()).isZero();
        });
        assertThat(figures(window)).isEqualTo(before);
        assertThat(before.get("analytics_order").toString()).contains("analytics-replay-11");
        JsonNode status = admin.get("/api/admin/processors/analytics").json();
        assertThat(status.get("supportsReplay").asBoolean()).isTrue();
        assertThat(status.get("deadLetters").asLong()).isZero();
    }

    /** Every answer of every figure over one fixed window, and the rows of the analytics tables. */
    private Map<String, Object> figures(String window) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String path : List.of(
                "summary?" + window,
                "sales?granularity=minute&" + window,
                "sales?granularity=day&" + window,
                "products?limit=100&" + window,
                "funnel?" + window,
                "fulfilment-times?" + window,
                "customers?limit=100&" + window,
                "stock?lowBelow=1000000&limit=100")) {
            figures.put(path, http.get("/api/analytics/" + path).json());
        }
        figures.put("analytics_order", jdbc.queryForList("select * from analytics_order order by order_id"));
        figures.put("analytics_order_line", jdbc.queryForList("select * from analytics_order_line order by line_key"));
        figures.put("analytics_stock", jdbc.queryForList("select * from analytics_stock order by product_id"));
        return figures;
    }

    /** Every processor caught up and the store no longer growing: the saga has finished its commands too. */
    private void awaitQuiet() {
        long[] lastHead = {-2};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode processors = admin.get("/api/admin/processors").json();
                    long head = processors.get(0).get("headPosition").asLong();
                    long previous = lastHead[0];
                    lastHead[0] = head;
                    assertThat(processors)
                            .allSatisfy(p -> assertThat(p.get("lag").asLong()).isZero());
                    assertThat(head).isEqualTo(previous);
                });
    }

    private String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** A clerk's open /api/analytics/live, its lines read as they arrive by a thread of its own. */
    private static final class LiveStream implements AutoCloseable {

        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        private final HttpResponse<InputStream> response;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private LiveStream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "live-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static LiveStream open(String baseUrl) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/analytics/live"))
                    .header("Accept", "text/event-stream")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
                    .build();
            return new LiveStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        List<String> lines() {
            return lines;
        }

        private void read() {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
