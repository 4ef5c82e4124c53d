package io.ordo.console;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.HttpJson;
import io.ordo.support.Products;
import io.ordo.support.browser.Browser;
import io.ordo.support.browser.BrowserTest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class EventsAndProductsBrowserTest {

    @Autowired
    HttpJson http;

    @BeforeEach
    void products() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void searchingByAnAggregateIdFindsThatOrdersEvents(Browser browser) throws IOException {
        String orderId = placed("search-by-id");
        browser.signIn("clerk", "clerk").open("/console/events");

        browser.visible(By.id("aggregateId")).sendKeys(orderId);
        search(browser);

        List<WebElement> rows = browser.waitUntil(page -> {
            List<WebElement> found = page.findElements(By.cssSelector("#results tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows)
                .allSatisfy(row -> assertThat(
                                row.findElement(By.cssSelector("a.aggregate")).getText())
                        .isEqualTo(orderId));
        assertThat(rows.get(rows.size() - 1).getText()).contains("OrderPlaced").contains("clerk");
        rows.get(rows.size() - 1).findElement(By.tagName("summary")).click();
        assertThat(browser.visible(By.cssSelector("#results pre")).getText()).contains("\"orderId\" : \"" + orderId);
        // the documentation's picture: the newest events of every kind
        placed("another");
        placed("and-another");
        browser.open("/console/events?size=10");
        browser.visible(By.cssSelector("#results tbody tr"));
        browser.documentation("console-events");
    }

    @Test
    void searchingByEventTypeAndPayloadTextFindsTheOneOrder(Browser browser) {
        String customer = "Grace " + UUID.randomUUID().toString().substring(0, 8);
        String orderId = "search-by-text-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-text").replace("Ada Lovelace", customer))
                        .status())
                .isEqualTo(201);
        browser.signIn("clerk", "clerk").open("/console/events");

        new Select(browser.visible(By.id("type"))).selectByValue("io.ordo.order.api.OrderPlaced");
        browser.find(By.id("text")).sendKeys(customer.toLowerCase());
        search(browser);

        List<WebElement> rows = browser.waitUntil(page -> {
            List<WebElement> found = page.findElements(By.cssSelector("#results tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(orderId).contains("OrderPlaced");
    }

    @Test
    void theLiveTailShowsAnEventPlacedThroughTheApiWithoutAReload(Browser browser) {
        browser.signIn("clerk", "clerk").open("/console/events");
        browser.visible(By.id("tail")).click();
        browser.waitUntil(
                page -> page.findElement(By.id("tail-status")).getText().startsWith("Live"));

        String orderId = placed("tail");

        WebElement row = browser.waitUntil(page -> page.findElements(By.cssSelector("#tail-rows tr")).stream()
                .filter(tr -> tr.getText().contains(orderId))
                .findFirst()
                .orElse(null));
        assertThat(row.getText()).contains("OrderPlaced");
        assertThat(browser.currentPath()).as("no reload, no navigation").isEqualTo("/console/events");
    }

    @Test
    void theProductsPageShowsStockChangingWithoutAReload(Browser browser) {
        String productId = "live-stock-" + UUID.randomUUID().toString().substring(0, 8);
        Products.ensureRegistered(http, productId, "Live mug", "5.00", 4);
        // the list comes from the product projection: open it once the product is there
        await().until(() -> http.get("/api/products/" + productId).status() == 200);
        browser.signIn("clerk", "clerk").open("/console/products");
        By row = By.cssSelector("tr[data-product-id='" + productId + "']");
        assertThat(browser.visible(row)
                        .findElement(By.cssSelector("[data-field=available]"))
                        .getText())
                .isEqualTo("4");
        assertThat(browser.find(row).getAttribute("class")).contains("low");
        browser.waitUntil(
                page -> "open".equals(page.findElement(By.id("products")).getAttribute("data-live-state")));

        assertThat(http.asAdmin()
                        .post("/api/products/" + productId + "/restock", "{\"quantity\":32}")
                        .status())
                .isEqualTo(200);

        browser.waitUntil(page -> page.findElement(row)
                .findElement(By.cssSelector("[data-field=available]"))
                .getText()
                .equals("36"));
        assertThat(browser.find(row)
                        .findElement(By.cssSelector("[data-field=onHand]"))
                        .getText())
                .isEqualTo("36");
        assertThat(browser.find(row).getAttribute("class")).doesNotContain("low");
        assertThat(browser.currentPath()).isEqualTo("/console/products");
    }

    @Test
    void theEventsAndProductsPagesFitAPhonesWidth(Browser browser) {
        placed("phone");
        browser.signIn("clerk", "clerk").resize(390, 844);

        for (String page : List.of("/console/events", "/console/products")) {
            browser.open(page).visible(By.tagName("h1"));
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue())
                    .as("no sideways scrolling of " + page)
                    .isLessThanOrEqualTo(0);
        }
    }

    /** Submits the search form and waits for its answer: the page of /console/events with the form's query. */
    private static void search(Browser browser) {
        browser.find(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.waitUntil(page -> page.getCurrentUrl().contains("/console/events?"));
    }

    private String placed(String prefix) {
        String orderId = prefix + "-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-" + prefix))
                        .status())
                .isEqualTo(201);
        return orderId;
    }
}
