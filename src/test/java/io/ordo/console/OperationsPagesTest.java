package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.operations.OperatorTools;
import io.ordo.operations.ProcessorOverview;
import io.ordo.support.HttpTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

/**
 * The operations screens over plain HTTP, where every machine runs them: who may open them, and that a refused or
 * impossible action answers with a sentence in the page (and the status that says why), never a stack trace.
 */
@HttpTest
class OperationsPagesTest {

    @Value("${local.server.port}")
    int port;

    @Value("${ordo.processors.segments}")
    int segments;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EntityManagerProvider entityManagers;

    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Autowired
    TransactionManager transactions;

    @Autowired
    OperatorTools operations;

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
    void theBarOfAReplayThatIsDoneShowsAHundredAndAsksForNothingMore() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");

        HttpResponse<String> bar = admin.get("/console/operations/processors/products/replay");

        assertThat(bar.statusCode()).isEqualTo(200);
        assertThat(bar.body())
                .contains("value=\"100\"", "100 %: the replay is done.")
                .doesNotContain("hx-get", "hx-trigger");
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

    /**
     * Another instance's claim (made here with a token store of its own node id, as that instance would) cannot be
     * taken by this one's coordinator: the split is refused with a sentence, and the segments stay as they were.
     */
    @Test
    void aSegmentThatAnotherInstanceHoldsIsNotSplitHere() throws Exception {
        SignedInConsole admin = SignedInConsole.as(port, "admin", "admin");
        StreamingEventProcessor products = processing
                .eventProcessor("products", StreamingEventProcessor.class)
                .orElseThrow();
        TokenStore anotherInstance = JpaTokenStore.builder()
                .entityManagerProvider(entityManagers)
                .serializer(serializer)
                .nodeId("another-instance")
                .build();
        products.shutdownAsync().join();
        try {
            transactions.executeInTransaction(() -> anotherInstance.fetchToken("products", 0));
            products.start();
            transactions.executeInTransaction(() -> anotherInstance.extendClaim("products", 0));

            HttpResponse<String> split = admin.htmxPost("/console/operations/processors/products/segments/0/split", "");

            assertThat(split.statusCode()).isEqualTo(409);
            assertThat(split.body()).contains("role=\"alert\"", "could not split segment 0 of products");
            assertThat(admin.get("/console/operations").body())
                    .contains("another-instance")
                    .doesNotContain("data-segment=\"2\"");
        } finally {
            transactions.executeInTransaction(() -> anotherInstance.releaseClaim("products", 0));
            products.start();
        }
        assertThat(operations.processor("products").segments()).hasSize(segments);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(operations.processor("products").segments())
                        .allMatch(ProcessorOverview.Segment::claimedHere));
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
