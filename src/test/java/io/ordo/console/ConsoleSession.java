package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A console user over plain HTTP, without a browser: signs in through the form and keeps the session's cookie. */
final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;

    private ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    static ConsoleSession signedIn(int port, String user, String password) {
        ConsoleSession session = new ConsoleSession("http://localhost:" + port);
        Matcher token = CSRF_FIELD.matcher(session.get("/console/sign-in").body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = session.post(
                "/console/sign-in", "username=" + user + "&password=" + password + "&_csrf=" + token.group(1));
        assertThat(signedIn.uri().getPath()).as("signed in as " + user).isEqualTo("/console");
        return session;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build());
    }

    HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** Opens a server-sent-event stream and collects its lines as they arrive, until it is closed. */
    AutoCloseable stream(String path, List<String> lines) {
        AtomicReference<Stream<String>> body = new AtomicReference<>();
        CompletableFuture<?> reading = client.sendAsync(
                        HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    body.set(response.body());
                    response.body().forEach(lines::add);
                });
        return () -> {
            // closing the lines closes the connection, so the server's stream ends too
            Stream<String> open = body.get();
            if (open != null) {
                open.close();
            }
            reading.cancel(true);
        };
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
