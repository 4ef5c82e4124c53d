package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session with the console over plain HTTP: signed in through the form, posting like htmx does. */
final class SignedInConsole {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrfToken;

    private SignedInConsole(int port) {
        this.base = "http://localhost:" + port;
    }

    static SignedInConsole as(int port, String user, String password) throws Exception {
        SignedInConsole console = new SignedInConsole(port);
        Matcher field = CSRF_FIELD.matcher(console.get("/console/sign-in").body());
        assertThat(field.find()).isTrue();
        HttpResponse<String> signedIn = console.send(console.form(
                        "/console/sign-in", "username=" + user + "&password=" + password + "&_csrf=" + field.group(1))
                .build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Matcher meta = CSRF_META.matcher(console.get("/console").body());
        assertThat(meta.find())
                .as("the console's pages carry the session's CSRF token")
                .isTrue();
        console.csrfToken = meta.group(1);
        return console;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    /** A POST as htmx sends it: the CSRF header, the HX-Request header, the form's fields. */
    HttpResponse<String> htmxPost(String path, String form) throws IOException, InterruptedException {
        return send(form(path, form)
                .header("X-CSRF-TOKEN", csrfToken)
                .header("HX-Request", "true")
                .build());
    }

    HttpResponse<String> postWithoutCsrf(String path) throws IOException, InterruptedException {
        return send(form(path, "").header("HX-Request", "true").build());
    }

    private HttpRequest.Builder form(String path, String form) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
