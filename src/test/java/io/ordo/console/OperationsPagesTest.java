package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The operations screens over plain HTTP, where every machine runs them: who may open them, and that a refused or
 * impossible action answers with a sentence in the page (and the status that says why), never a stack trace.
 */
@HttpTest
class OperationsPagesTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aClerkIsRefusedEveryOperationsScreenAndAction() throws Exception {
        SignedInConsole clerk = SignedInConsole.as(port, "clerk", "clerk");

        assertThat(clerk.get("/console/operations").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/operations/dead-letters/orders").statusCode())
                .isEqualTo(403);
        assertThat(clerk.htmxPost("/console/operations/processors/orders/replay", "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorSeesEveryProcessorWithItsSegmentsAndTheSagas() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        HttpResponse<String> page = admin.get("/console/operations");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .as("every processor, and an idle page that polls nothing")
                .contains(
                        "id=\"processor-orders\"",
                        "id=\"processor-customers\"",
                        "id=\"processor-products\"",
                        "id=\"processor-order-fulfilment\"",
                        "Segments of orders",
                        "this instance")
                .doesNotContain("hx-trigger=\"every", "hx-trigger=\"load\"");
    }

    @Test
    void anUnknownProcessorIsNotFoundInThePageOrAsAnAlert() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        HttpResponse<String> page = admin.get("/console/operations/dead-letters/nope");
        HttpResponse<String> action = admin.htmxPost("/console/operations/processors/nope/replay", "");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("role=\"alert\"", "no processor named nope has a dead-letter queue");
        assertThat(action.statusCode()).isEqualTo(404);
        assertThat(action.headers().firstValue("HX-Retarget")).hasValue("#operations-alert");
        assertThat(action.body())
                .startsWith("<p class=\"notice error\" role=\"alert\">")
                .contains("no event processor named nope");
    }

    @Test
    void aNameOrSegmentThatCannotExistIsABadRequest() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        for (String path : new String[] {
            "/console/operations/processors/" + "x".repeat(101) + "/replay",
            "/console/operations/processors/a%20b/replay",
            "/console/operations/processors/orders/segments/x/split",
            "/console/operations/processors/orders/segments/-1/split",
            "/console/operations/processors/orders/segments/70000/merge",
            "/console/operations/dead-letters/orders/retry"
        }) {
            HttpResponse<String> answer = admin.htmxPost(path, "");
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("role=\"alert\"").doesNotContain("Exception");
        }
        HttpResponse<String> longSequence =
                admin.htmxPost("/console/operations/dead-letters/orders/evict", "sequence=" + "s".repeat(256));
        assertThat(longSequence.statusCode()).isEqualTo(400);
    }

    @Test
    void aRefusedActionSaysWhy() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        HttpResponse<String> sagaReplay = admin.htmxPost("/console/operations/processors/order-fulfilment/replay", "");
        HttpResponse<String> nothingParked =
                admin.htmxPost("/console/operations/dead-letters/orders/retry", "sequence=never-parked");
        HttpResponse<String> noSuchSegment =
                admin.htmxPost("/console/operations/processors/products/segments/999/merge", "");

        assertThat(sagaReplay.statusCode()).isEqualTo(409);
        assertThat(sagaReplay.body()).contains("role=\"alert\"", "does not support replay");
        assertThat(nothingParked.statusCode()).isEqualTo(409);
        assertThat(nothingParked.body()).contains("nothing of never-parked is parked in orders");
        assertThat(noSuchSegment.statusCode()).isEqualTo(409);
        assertThat(noSuchSegment.body()).contains("could not merge segment 999 of products");
    }

    @Test
    void anActionWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        assertThat(admin.postWithoutCsrf("/console/operations/processors/products/segments/0/split")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/console/operations").body()).doesNotContain("data-segment=\"2\"");
    }
}
