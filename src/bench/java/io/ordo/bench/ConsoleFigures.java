package io.ordo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The console on a full store: how long each screen takes to serve (the page and the fragments it loads at once, one
 * after another, as a browser would ask for them, signed in with a session), and what open consoles cost while
 * nothing happens: the service's CPU idle without a console, then with {@code consoles} signed-in sessions each holding
 * the live streams its dashboard and orders list open.
 */
final class ConsoleFigures {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern HX_GET = Pattern.compile("hx-get=\"([^\"]+)\"");
    private static final Pattern LOADS_AT_ONCE = Pattern.compile("hx-trigger=\"[^\"]*\\bload\\b");
    private static final Pattern SSE_CONNECT = Pattern.compile("sse-connect=\"([^\"]+)\"");

    static final int WARM_UP = 5;
    static final int MEASURED = 30;

    record Page(String name, String path, boolean admin, Histogram latency, int fragments) {}

    record Result(
            double analyticsReplaySeconds,
            List<Page> pages,
            int consoles,
            int streamsPerConsole,
            double idleSeconds,
            double idlePercentWithout,
            double idlePercentWith) {}

    private ConsoleFigures() {}

    static Result measure(ServiceProcess service, Options options, Map<String, List<String>> screens, int consoles)
            throws Exception {
        // the store was filled behind the processors' backs: the analytics see those orders only once replayed, and the
        // dashboard is to be timed over all of them
        double analyticsReplay = replayAnalytics(service);
        String base = "http://localhost:" + service.port();
        Console clerk = Console.signIn(base, options.user(), options.password());
        Console admin = Console.signIn(base, options.adminUser(), options.adminPassword());
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, List<String>> screen : screens.entrySet()) {
            List<String> paths = screen.getValue();
            boolean forAdmin = paths.get(0).startsWith("/console/operations");
            pages.add(time(
                    forAdmin ? admin : clerk, screen.getKey(), paths.get(0), paths.subList(1, paths.size()), forAdmin));
        }

        IdleCpu.Result without = IdleCpu.measure(service, options.idleSeconds());
        List<String> streams = new ArrayList<>(clerk.streamsOn("/console"));
        streams.addAll(clerk.streamsOn("/console/orders"));
        List<Console> open = new ArrayList<>();
        for (int n = 0; n < consoles; n++) {
            Console console = Console.signIn(base, options.user(), options.password());
            streams.forEach(console::listen);
            open.add(console);
        }
        ServiceProcess.sleep(3_000); // the streams' first messages are sent; idle is what follows
        IdleCpu.Result with = IdleCpu.measure(service, options.idleSeconds());
        open.forEach(Console::close);
        return new Result(
                analyticsReplay,
                pages,
                consoles,
                streams.size(),
                with.seconds(),
                without.percentOfCore(),
                with.percentOfCore());
    }

    /** The page, then what its markup loads at once (htmx), then what its script fetches ({@code byScript}). */
    private static Page time(Console console, String name, String path, List<String> byScript, boolean admin)
            throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        int fragments = 0;
        for (int n = 0; n < WARM_UP + MEASURED; n++) {
            long start = System.nanoTime();
            String html = console.get(path, false);
            List<String> atOnce = fragmentsLoadedAtOnce(html);
            for (String fragment : atOnce) {
                console.get(fragment, true);
            }
            for (String fetched : byScript) {
                console.get(fetched, false);
            }
            fragments = atOnce.size() + byScript.size();
            if (n >= WARM_UP) {
                latency.recordValue((System.nanoTime() - start) / 1_000);
            }
        }
        return new Page(name, path, admin, latency, fragments);
    }

    private static double replayAnalytics(ServiceProcess service) {
        try (Http admin = service.adminHttp()) {
            long start = System.nanoTime();
            Replay.replayAndAwait(admin, "analytics");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static List<String> fragmentsLoadedAtOnce(String html) {
        List<String> paths = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            Matcher get = HX_GET.matcher(tag);
            if (get.find() && LOADS_AT_ONCE.matcher(tag).find()) {
                paths.add(unescape(get.group(1)));
            }
        }
        return paths;
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
    }

    /** One signed-in browser session: its cookie jar and the streams it holds open. */
    private static final class Console implements AutoCloseable {

        private final String base;
        private final HttpClient client;
        private final List<CompletableFuture<HttpResponse<InputStream>>> streams = new ArrayList<>();

        private Console(String base, HttpClient client) {
            this.base = base;
            this.client = client;
        }

        static Console signIn(String base, String user, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Console console = new Console(base, client);
            Matcher token = CSRF.matcher(console.get("/console/sign-in", false));
            if (!token.find()) {
                throw new IllegalStateException("the console's sign-in form has no CSRF token");
            }
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + token.group(1);
            HttpResponse<String> signedIn = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("console sign-in failed for " + user + ": " + signedIn.statusCode());
            }
            return console;
        }

        /** A page, or a fragment as htmx asks for it (with its {@code HX-Request} header). */
        String get(String path, boolean fragment) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (fragment) {
                request.header("HX-Request", "true");
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
            }
            return answer.body();
        }

        Set<String> streamsOn(String page) throws IOException, InterruptedException {
            Set<String> found = new LinkedHashSet<>();
            Matcher sse = SSE_CONNECT.matcher(get(page, false));
            while (sse.find()) {
                found.add(unescape(sse.group(1)));
            }
            return found;
        }

        void listen(String path) {
            streams.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }

        @Override
        public void close() {
            for (CompletableFuture<HttpResponse<InputStream>> stream : streams) {
                stream.thenAccept(response -> {
                    try {
                        response.body().close();
                    } catch (IOException ignored) {
                        // closing a stream the service may have closed already
                    }
                });
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * The screens timed, by name: each screen's path, then what its script fetches when it opens (what its markup
     * loads at once is found in the page itself).
     */
    static Map<String, List<String>> screens(String orderId) {
        Map<String, List<String>> screens = new LinkedHashMap<>();
        screens.put("dashboard", List.of("/console", "/console/dashboard/charts?window=24h"));
        screens.put("orders", List.of("/console/orders"));
        screens.put("orders, confirmed", List.of("/console/orders?status=CONFIRMED"));
        screens.put("order", List.of("/console/orders/" + orderId));
        screens.put("events", List.of("/console/events"));
        screens.put("events of an order", List.of("/console/events?aggregateId=" + orderId));
        screens.put("products", List.of("/console/products"));
        screens.put("operations", List.of("/console/operations"));
        return screens;
    }
}
