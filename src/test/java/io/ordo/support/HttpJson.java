package io.ordo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A small JSON client over real HTTP (java.net.http, which also speaks PATCH), for end-to-end tests. It signs in as
 * the embedded default's {@code clerk} unless told otherwise. Every answer from {@code /api/**} is checked against the
 * service's own API description ({@link ApiContract}), so each HTTP test also proves that the description is exact;
 * {@link #unchecked()} is for the few answers that are deliberately not API answers.
 */
public final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One client for every HttpJson of the run: {@link #asAdmin()} and {@link #anonymous()} make a new HttpJson per
     * call, and a client of their own each would open new connections and start a selector thread that lives until
     * the client is collected. No cookies are kept, so sharing carries nothing from one user to another.
     */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final boolean checked;

    public HttpJson(String baseUrl) {
        this(baseUrl, basic("clerk", "clerk"), Duration.ofSeconds(30), true);
    }

    private HttpJson(String baseUrl, String authorization, Duration timeout, boolean checked) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
        this.checked = checked;
    }

    /** The same client signed in as someone else. */
    public HttpJson as(String user, String password) {
        return new HttpJson(baseUrl, basic(user, password), timeout, checked);
    }

    /** The same client giving up on an answer after {@code timeout}: a request that hangs the service fails the test. */
    public HttpJson answeringWithin(Duration timeout) {
        return new HttpJson(baseUrl, authorization, timeout, checked);
    }

    /**
     * The same client without the check against the API description: for answers that are not the API's, such as
     * Tomcat's own refusal of a path it will not decode.
     */
    public HttpJson unchecked() {
        return new HttpJson(baseUrl, authorization, timeout, false);
    }

    public HttpJson asAdmin() {
        return as("admin", "admin");
    }

    public HttpJson anonymous() {
        return new HttpJson(baseUrl, null, timeout, checked);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json", "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json", "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json", "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, "application/json", "application/json");
    }

    public Response send(String method, String path, String body, String contentType, String accept) {
        return send(method, path, body, contentType, accept, Map.of());
    }

    public Response send(
            String method, String path, String body, String contentType, String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (checked && ApiContract.covers(path)) {
                ApiContract.check(baseUrl, method, path, response);
            }
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON where it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
