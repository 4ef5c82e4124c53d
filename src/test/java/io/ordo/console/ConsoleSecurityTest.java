package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The console's sign-in over plain HTTP, where every machine runs it (the browser tests need Chromium): a session for
 * the console only, CSRF required, the JSON API still stateless.
 */
@HttpTest
class ConsoleSecurityTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    private HttpClient client;

    @BeforeEach
    void aBrowserWithCookies() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        get("/console/sign-in");

        HttpResponse<String> answer = post("/console/sign-in", "username=clerk&password=clerk");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(get("/console").uri().getPath()).isEqualTo("/console/sign-in");
    }

    @Test
    void aSignedInSessionOpensTheConsoleButNotTheJsonApi() throws Exception {
        HttpResponse<String> signedIn = signIn("clerk", "clerk");
        assertThat(signedIn.uri().getPath()).isEqualTo("/console");
        assertThat(signedIn.body()).contains("id=\"signed-in-user\">clerk<");

        HttpResponse<String> api = get("/api/orders");
        assertThat(api.statusCode())
                .as("the API signs in on every request, never by session")
                .isEqualTo(401);
    }

    @Test
    void pagesAllowOnlyTheConsolesOwnScripts() throws Exception {
        HttpResponse<String> page = signIn("clerk", "clerk");

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';"));
    }

    @Test
    void operationsNeedAnAdministrator() throws Exception {
        signIn("clerk", "clerk");

        assertThat(get("/console/operations").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        Matcher token = CSRF_FIELD.matcher(get("/console/sign-in").body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> redirect =
                post("/console/sign-in", "username=" + user + "&password=" + password + "&_csrf=" + token.group(1));
        assertThat(redirect.statusCode()).isEqualTo(302);
        return get(URI.create(redirect.headers().firstValue("Location").orElseThrow())
                .getPath());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient following = HttpClient.newBuilder()
                .cookieHandler(client.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return following.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
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
