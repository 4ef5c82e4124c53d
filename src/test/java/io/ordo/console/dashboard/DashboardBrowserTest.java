package io.ordo.console.dashboard;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.Products;
import io.ordo.support.browser.Browser;
import io.ordo.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard in a real browser: live KPI tiles and charts, fed by the analytics stream. */
@BrowserTest
class DashboardBrowserTest {

    @Autowired
    HttpJson http;

    @Test
    void anOrderPlacedThroughTheApiAppearsOnTheDashboardWithoutAReload(Browser browser) {
        Products.ensureStandardProducts(http);
        browser.signIn("clerk", "clerk");
        String before = liveOrdersTile(browser);
        browser.script("window.sameDocument = true");

        String orderId = "dashboard-" + System.nanoTime();
        assertThat(http.post("/api/orders", placeOrder(orderId, "dashboard-customer"))
                        .status())
                .isEqualTo(201);

        browser.waitUntil(page -> !ordersTile(browser).equals(before));
        assertThat(Long.parseLong(ordersTile(browser).replace(",", "")))
                .isGreaterThan(Long.parseLong(before.replace(",", "")));
        assertThat(browser.script("return window.sameDocument === true"))
                .as("the tile changed in the same page, without a reload")
                .isEqualTo(true);
    }

    @Test
    void showsAShopsDayInTilesChartsAndStockAlerts(Browser browser) {
        new ShopHistory(http).write();

        browser.signIn("clerk", "clerk");
        browser.resize(1280, 1200);
        liveOrdersTile(browser);
        browser.waitUntil(
                page -> !browser.find(By.cssSelector("#stock table")).getText().isBlank());
        browser.waitUntil(page -> Integer.parseInt(String.valueOf(
                        browser.script("return document.getElementById('dashboard').dataset.drawn || '0'")))
                > 0);

        assertThat(browser.find(By.cssSelector("[data-kpi=conversion] .value")).getText())
                .endsWith("%");
        assertThat(browser.find(By.id("funnel-exits")).getText()).contains("Rejected: OUT_OF_STOCK");
        assertThat(browser.find(By.id("stock")).getText()).contains("Hand grinder");
        // the README's screenshot (written to docs/ with -Dordo.docs.screenshots=true)
        browser.documentation("console-dashboard");
    }

    /** Waits until the dashboard's stream is open and its tiles are drawn, and answers the orders tile. */
    private static String liveOrdersTile(Browser browser) {
        browser.visible(By.cssSelector("#dashboard[data-live=open]"));
        browser.visible(By.cssSelector("[data-kpi=orders] .value"));
        return ordersTile(browser);
    }

    private static String ordersTile(Browser browser) {
        return browser.find(By.cssSelector("[data-kpi=orders] .value")).getText();
    }
}
