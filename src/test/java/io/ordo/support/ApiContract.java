package io.ordo.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served API description as a check on what the service answers: every response {@link HttpJson} receives from
 * {@code /api/**} must be one that {@code /v3/api-docs} describes for that operation (status, media type, body schema,
 * required headers). The document is fetched once per running service. A path or method the document does not have may
 * only answer a 4xx problem (404, 405, or a filter's 400 for a path not in canonical form).
 */
public final class ApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Set<String> OUTSIDE_THE_DOCUMENT =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private ApiContract() {}

    static boolean covers(String path) {
        return path.startsWith("/api/");
    }

    static void check(String baseUrl, String method, String pathAndQuery, HttpResponse<String> response) {
        check(
                baseUrl,
                method,
                pathAndQuery,
                response.statusCode(),
                response.headers().map(),
                response.body());
    }

    /**
     * Fails the test unless the document describes this answer to {@code method pathAndQuery}; public so that a test
     * can show that the check fails where it should.
     */
    public static void check(
            String baseUrl,
            String method,
            String pathAndQuery,
            int status,
            Map<String, List<String>> headers,
            String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleResponse.Builder described = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> described.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            described.withBody(body);
        }
        ValidationReport report = VALIDATORS
                .computeIfAbsent(baseUrl, ApiContract::validator)
                .validateResponse(path, Request.Method.valueOf(method), described.build());
        if (report.getMessages().stream().allMatch(message -> OUTSIDE_THE_DOCUMENT.contains(message.getKey()))
                && report.hasErrors()) {
            assertThat(status)
                    .as("%s %s is not in the API description, so it may only be refused", method, path)
                    .isBetween(400, 499);
            assertThat(contentType(headers))
                    .as("%s %s answered %s", method, path, excerpt(body))
                    .startsWith("application/problem+json");
            return;
        }
        assertThat(report.getMessages())
                .as("%s %s answered %d %s, which /v3/api-docs does not describe", method, path, status, excerpt(body))
                .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .isEmpty();
    }

    private static String contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElse("");
    }

    private static String excerpt(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static OpenApiInteractionValidator validator(String baseUrl) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(document.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
