package io.ordo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.browser.Browser;
import io.ordo.support.browser.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@BrowserTest
class ConsoleSignInBrowserTest {

    @Test
    void aStrangerIsSentToSignInAndASignedInClerkCanSignOut(Browser browser) {
        browser.open("/console");
        browser.visible(By.id("username"));
        assertThat(browser.currentPath()).startsWith("/console/sign-in");

        browser.signIn("clerk", "clerk");
        assertThat(browser.visible(By.id("signed-in-user")).getText()).isEqualTo("clerk");
        assertThat(browser.driver().findElements(By.linkText("Operations")))
                .as("operations are for ADMIN only")
                .isEmpty();

        browser.find(By.cssSelector("form.who button")).click();
        browser.waitUntil(page -> page.getCurrentUrl().contains("/console/sign-in"));
        assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("signed out");
        browser.open("/console");
        assertThat(browser.visible(By.id("username")).isDisplayed()).isTrue();
    }

    @Test
    void aWrongPasswordIsToldAndLetsNobodyIn(Browser browser) {
        browser.signIn("clerk", "not-the-password");

        assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains("did not match");
        browser.open("/console");
        assertThat(browser.currentPath()).startsWith("/console/sign-in");
    }

    @Test
    void anAdministratorSeesOperations(Browser browser) {
        browser.signIn("admin", "admin");

        assertThat(browser.visible(By.linkText("Operations")).getAttribute("href"))
                .endsWith("/console/operations");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing(Browser browser) {
        browser.signIn("clerk", "clerk");

        Map<String, Object> answer = (Map<String, Object>)
                browser.script("return fetch('/console/sign-out', {method: 'POST', redirect: 'manual'})"
                        + ".then(response => ({status: response.status}))");

        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(403);
        browser.open("/console");
        assertThat(browser.visible(By.id("signed-in-user")).getText())
                .as("the forged sign-out did not sign the clerk out")
                .isEqualTo("clerk");
    }

    @Test
    void theFrameFitsAPhonesWidth(Browser browser) {
        browser.signIn("clerk", "clerk");
        browser.resize(390, 844).open("/console");

        browser.visible(By.linkText("Orders"));
        Number overflow = (Number)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
    }
}
