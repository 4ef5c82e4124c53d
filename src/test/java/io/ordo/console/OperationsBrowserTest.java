package io.ordo.console;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.operations.OperatorTools;
import io.ordo.operations.ParkedEvents;
import io.ordo.operations.ProcessorOverview;
import io.ordo.support.HttpJson;
import io.ordo.support.Products;
import io.ordo.support.browser.Browser;
import io.ordo.support.browser.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The operations screens in a browser: a replay watched to its end, a dead letter retried, a segment split. */
@BrowserTest
class OperationsBrowserTest {

    /** A replay of this many orders' events outlasts the bar's first answer, so the bar is seen moving. */
    private static final int ORDERS_TO_REPLAY = 300;

    @Autowired
    HttpJson http;

    @Autowired
    OperatorTools operations;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${ordo.processors.segments}")
    int segments;

    @BeforeEach
    void products() {
        Products.ensureStandardProducts(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplayStartedFromTheScreenShowsItsProgressUntilItIsDone(Browser browser) {
        for (int i = 0; i < ORDERS_TO_REPLAY; i++) {
            assertThat(http.post("/api/orders", placeOrder("replayed-" + UUID.randomUUID(), "customer-" + i % 9))
                            .status())
                    .isEqualTo(201);
        }
        awaitCaughtUp("orders");
        browser.signIn("admin", "admin").open("/console/operations");
        WebElement orders = browser.visible(By.id("processor-orders"));
        // every text the bar shows, as it changes: the polling replaces it about once a second
        browser.script("window.barTexts = []; new MutationObserver(() => document"
                + ".querySelectorAll('#replay-orders .replay-text').forEach(p => window.barTexts.push(p.textContent)))"
                + ".observe(document.getElementById('replay-orders'), {childList: true, subtree: true});");

        orders.findElement(By.cssSelector(".replay-area summary")).click();
        browser.visible(By.xpath("//button[normalize-space()='Replay orders from the first event']"))
                .click();

        WebElement done =
                browser.waitUntil(page -> page.findElements(By.cssSelector("#replay-orders .replay-text.done")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(done.getText()).isEqualTo("100 %: the replay is done.");
        assertThat(browser.find(By.id("replay-progress-orders")).getAttribute("value"))
                .isEqualTo("100");
        List<String> texts = (List<String>) browser.script("return window.barTexts");
        assertThat(texts)
                .as("the bar showed the replay running, with events done of the target, before it was done")
                .anyMatch(text -> text.matches("\\d{1,2} %: \\d+ of \\d+ events, .+"));
        assertThat(operations.processor("orders").state()).isEqualTo("running");

        HttpJson admin = http.asAdmin();
        assertThat(admin.post("/api/admin/projections/orders/audit", null).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(operations.processor("orders").lastAudit())
                        .isNotNull()
                        .extracting(ProcessorOverview.Audit::status)
                        .isEqualTo("COMPLETED"));
        browser.open("/console/operations");
        assertThat(browser.visible(By.cssSelector("#processor-orders .last-audit"))
                        .getText())
                .startsWith("COMPLETED, 0 differences");
        documentationScreenshot(browser);
    }

    /**
     * An order whose summary row the database refuses (a check constraint added for the test) is parked; once the
     * constraint is gone, a retry from the screen handles it and its row leaves the table.
     */
    @Test
    void aParkedSequenceRetriedFromTheScreenLeavesTheQueue(Browser browser) {
        String poison = "parked-" + UUID.randomUUID();
        jdbc.execute("alter table order_summary add constraint console_poison check (order_id <> '" + poison + "')");
        try {
            assertThat(http.post("/api/orders", placeOrder(poison, "customer-parked"))
                            .status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(operations.parked("orders").sequences())
                            .extracting(ParkedEvents.Sequence::sequenceId)
                            .contains(poison));
        } finally {
            jdbc.execute("alter table order_summary drop constraint if exists console_poison");
        }
        browser.signIn("admin", "admin").open("/console/operations/dead-letters/orders");
        By row = By.cssSelector("tr[data-sequence='" + poison + "']");

        browser.visible(row).findElement(By.linkText("OrderPlaced")).click();
        assertThat(browser.visible(By.cssSelector("pre.payload")).getText()).contains("\"orderId\" : \"" + poison);
        assertThat(browser.find(By.cssSelector("dd.cause")).getText()).contains("could not be stored");
        assertThat(browser.find(By.cssSelector("dd.retries")).getText()).isEqualTo("0");
        browser.driver().navigate().back();
        browser.visible(row)
                .findElement(By.xpath(".//button[normalize-space()='Retry']"))
                .click();

        assertThat(browser.visible(By.cssSelector("#parked [role=status]")).getText())
                .contains("were handled and left the queue");
        assertThat(browser.driver().findElements(row)).isEmpty();
        assertThat(operations.parked("orders").sequences())
                .extracting(ParkedEvents.Sequence::sequenceId)
                .doesNotContain(poison);
        assertThat(http.get("/api/orders/" + poison + "?minVersion=0").status()).isEqualTo(200);
    }

    @Test
    void splittingASegmentShowsItsTwoHalvesAndMergingJoinsThem(Browser browser) {
        browser.signIn("admin", "admin").open("/console/operations");
        By rows = By.cssSelector("#processor-products tbody tr");
        assertThat(browser.driver().findElements(rows)).hasSize(segments);
        try {
            segmentButton(browser, "Split segment 0 of products").click();

            browser.waitUntil(page -> page.findElements(rows).size() == segments + 1);
            assertThat(browser.visible(By.cssSelector("#processor-products [role=status]"))
                            .getText())
                    .isEqualTo("Segment 0 was split in two.");
            assertThat(browser.driver().findElements(rows))
                    .extracting(row -> row.getAttribute("data-segment"))
                    .contains("0", String.valueOf(segments));

            segmentButton(browser, "Merge segment 0 of products with its sibling")
                    .click();

            browser.waitUntil(page -> page.findElements(rows).size() == segments);
        } finally {
            if (operations.processor("products").segments().size() > segments) {
                operations.merge("products", 0); // the other tests of this context count the default segments
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClerkIsRefusedOperations(Browser browser) {
        browser.signIn("clerk", "clerk");

        Number status = (Number) browser.script("return fetch('/console/operations').then(answer => answer.status)");

        assertThat(status.intValue()).isEqualTo(403);
        browser.open("/console/operations");
        assertThat(browser.driver().findElements(By.id("processor-orders"))).isEmpty();
    }

    /** A refused action's answer is an error status, which htmx would drop; the page shows it as an alert. */
    @Test
    void aRefusedActionShowsWhyInThePage(Browser browser) {
        browser.signIn("admin", "admin").open("/console/operations");
        browser.visible(By.id("processor-orders"));

        browser.script("htmx.ajax('POST', '/console/operations/processors/order-fulfilment/replay',"
                + " {target: '#processor-order-fulfilment', swap: 'outerHTML'})");

        assertThat(browser.visible(By.cssSelector("#operations-alert [role=alert]"))
                        .getText())
                .isEqualTo("order-fulfilment does not support replay: its handlers must not run twice.");
        assertThat(browser.driver().findElements(By.id("processor-order-fulfilment")))
                .as("the alert went to the page's alert area, not where the action aimed")
                .hasSize(1);
    }

    @Test
    void theProcessorsScreenFitsAPhonesWidth(Browser browser) {
        browser.signIn("admin", "admin").resize(390, 844).open("/console/operations");

        browser.visible(By.id("processor-orders"));
        Number overflow = (Number)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue())
                .as("no sideways scrolling of the page; a wide table scrolls in its own box")
                .isLessThanOrEqualTo(0);
    }

    private static WebElement segmentButton(Browser browser, String label) {
        return browser.visible(By.cssSelector("button[aria-label='" + label + "']"));
    }

    private void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var status = operations.processor(processor);
            assertThat(status.state()).isEqualTo("running");
            assertThat(status.lag()).isZero();
        });
    }

    /** The screen as docs/console.md shows it, tall enough for every processor. */
    private static void documentationScreenshot(Browser browser) {
        browser.resize(1280, 1900);
        browser.script("window.scrollTo(0, 0)");
        browser.documentation("console-operations");
        browser.resize(1280, 800);
    }
}
