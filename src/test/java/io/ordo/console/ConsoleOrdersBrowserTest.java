package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.Orders;
import io.ordo.support.Products;
import io.ordo.support.browser.Browser;
import io.ordo.support.browser.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The Orders screens in a real browser: the live list, an order's timeline and time travel, and its actions. */
@BrowserTest
class ConsoleOrdersBrowserTest {

    /** Set on the page's window: a reload would lose it, so it proves that the page changed in place. */
    private static final String MARK_PAGE = "window.sameOrdoPage = true";

    private static final String SAME_PAGE = "return window.sameOrdoPage === true";

    @Autowired
    HttpJson http;

    @BeforeEach
    void products() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void anOrderPlacedThroughTheApiAppearsInTheListWithoutAReload(Browser browser) {
        browser.signIn("clerk", "clerk").open("/console/orders");
        browser.visible(By.id("orders"));
        browser.script(MARK_PAGE);
        waitForLiveStream(browser);

        String orderId = placed();

        WebElement row = browser.visible(By.cssSelector("tr[data-order-id='" + orderId + "']"));
        assertThat(row.getText()).contains("PLACED", "23.25 EUR");
        assertThat(browser.script(SAME_PAGE)).as("the page was not reloaded").isEqualTo(true);
    }

    @Test
    void theTimelineShowsEveryEventAndTheSliderShowsTheOrderAsItWas(Browser browser) {
        String orderId = placed();
        http.post("/api/orders/" + orderId + "/lines", Orders.line("sku-3", 1, "1.99"));
        http.patch("/api/orders/" + orderId + "/lines/sku-3", "{\"quantity\":5}");

        browser.signIn("clerk", "clerk").open("/console/orders/" + orderId);
        browser.waitUntil(page ->
                page.findElements(By.cssSelector("#timeline tbody tr")).size() == 3 || reload(browser, orderId));
        assertThat(browser.find(By.id("timeline")).getText())
                .contains("OrderPlaced", "OrderLineAdded", "OrderLineQuantityChanged", "clerk");

        WebElement slider = browser.find(By.id("travel-version"));
        assertThat(slider.getAttribute("max")).isEqualTo("2");
        slider.sendKeys(Keys.ARROW_LEFT);

        browser.waitUntil(page -> "1".equals(textOf(browser, "as-of-version")));
        assertThat(browser.find(By.id("travel-version-shown")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("as-of-lines")).getText())
                .as("at version 1 the line was added with quantity 1, not yet 5")
                .contains("sku-3")
                .containsPattern("sku-3\\s+Product sku-3\\s+1\\s");
        assertThat(textOf(browser, "as-of-status")).isEqualTo("PLACED");

        browser.find(By.id("travel-at")).sendKeys("2000-01-01T00:00:00Z", Keys.ENTER);
        assertThat(browser.visible(By.cssSelector("#as-of [role=alert]")).getText())
                .contains("did not exist at");
    }

    @Test
    void anOrdersPageFollowsItsOrderWithoutAReload(Browser browser) {
        String orderId = placed();
        browser.signIn("clerk", "clerk").open("/console/orders/" + orderId);
        browser.waitUntil(page -> !page.findElements(By.id("order-status")).isEmpty() || reload(browser, orderId));
        browser.script(MARK_PAGE);
        waitForLiveStream(browser);

        assertThat(http.post("/api/orders/" + orderId + "/confirm", "").status())
                .isEqualTo(200);

        browser.waitUntil(page -> !"PLACED".equals(textOf(browser, "order-status")));
        assertThat(browser.find(By.id("timeline")).getText()).contains("OrderConfirmed");
        assertThat(browser.find(By.id("travel-latest")).getText())
                .as("time travel reaches the new versions")
                .isNotEqualTo("0");
        assertThat(browser.script(SAME_PAGE)).as("the page was not reloaded").isEqualTo(true);

        browser.resize(390, 844).open("/console/orders/" + orderId);
        browser.visible(By.id("timeline"));
        assertThat(sidewaysOverflow(browser))
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(0);
        browser.open("/console/orders");
        browser.visible(By.id("orders"));
        assertThat(sidewaysOverflow(browser))
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(0);
    }

    @Test
    void confirmingFromTheOrdersPageShowsItsNewStateAndAStalePageIsRefused(Browser browser) {
        String orderId = placed();
        browser.signIn("clerk", "clerk").open("/console/orders/" + orderId);
        browser.waitUntil(page -> !page.findElements(By.id("confirm")).isEmpty() || reload(browser, orderId));

        browser.find(By.id("confirm")).click();

        assertThat(browser.visible(By.id("done")).getText()).contains("Confirmed");
        assertThat(textOf(browser, "order-status")).isNotEqualTo("PLACED");
        assertThat(browser.find(By.id("timeline")).getText()).contains("OrderConfirmed");
        WebElement slider = browser.find(By.id("travel-version"));
        slider.sendKeys(Keys.HOME);
        browser.waitUntil(page -> "0".equals(textOf(browser, "as-of-version")));
        // the picture of an order's page in docs/console.md (copied from target/screenshots when the page changes)
        browser.resize(1280, 1650).documentation("console-order");
        browser.resize(1280, 800);

        String other = placed();
        http.post("/api/orders/" + other + "/lines", Orders.line("sku-3", 1, "1.99"));
        browser.open("/console/orders/" + other);
        browser.waitUntil(page -> "1".equals(textOf(browser, "order-version")) || reload(browser, other));
        // the page as it was before the line was added: as if its live update had not arrived yet
        browser.script("document.querySelector('#confirm').form.querySelector('[name=version]').value = '0'");
        browser.find(By.id("confirm")).click();

        assertThat(browser.visible(By.id("refusal")).getText()).contains("changed meanwhile", "nothing was done");
        assertThat(textOf(browser, "order-status")).isEqualTo("PLACED");
        assertThat(http.get("/api/orders/" + other).json().get("status").asText())
                .isEqualTo("PLACED");
    }

    private String placed() {
        String orderId = "order-" + UUID.randomUUID().toString().substring(0, 12);
        assertThat(http.post("/api/orders", Orders.placeOrder(orderId, "customer-browser"))
                        .status())
                .isEqualTo(201);
        return orderId;
    }

    /** The live stream is open once the SSE extension has connected; before that a change would not be heard. */
    private static void waitForLiveStream(Browser browser) {
        browser.waitUntil(
                page -> Boolean.TRUE.equals(browser.script("const e = document.querySelector('[sse-connect]');"
                        + " const s = e && e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource;"
                        + " return !!s && s.readyState === 1")));
    }

    /** A just-placed order may not be in the read model yet: read the page again (a test's wait, not the console's). */
    private static boolean reload(Browser browser, String orderId) {
        browser.open("/console/orders/" + orderId);
        return false;
    }

    private static int sidewaysOverflow(Browser browser) {
        return ((Number) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .intValue();
    }

    /** Read by script, in one step: a live update may replace the element between finding and reading it. */
    private static String textOf(Browser browser, String id) {
        Object text = browser.script(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : ''", id);
        return String.valueOf(text);
    }
}
