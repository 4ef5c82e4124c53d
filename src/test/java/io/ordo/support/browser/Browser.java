package io.ordo.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium at 1280×800 pointed at the service under test, with the few steps every console test takes:
 * open a page, sign in, wait for what the page should show, save a screenshot.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to show what a test waits for: generous, since the machine may be busy. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static Browser start(InstalledChromium chromium, String baseUrl) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.browser().toFile())
                .addArguments(
                        "--headless=new",
                        "--window-size=1280,800",
                        // CI runs as root in a container, where Chromium's sandbox cannot start
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        // no phoning home from the test browser
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--password-store=basic");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), baseUrl);
    }

    /** Opens a path of the service, e.g. {@code /console/orders}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the console's form and waits for the page it leads to. */
    public Browser signIn(String user, String password) {
        open("/console/sign-in");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(page -> !page.getCurrentUrl().contains("/console/sign-in")
                || !page.findElements(By.cssSelector(".notice.error")).isEmpty());
        return this;
    }

    /** Waits, up to {@link #PATIENCE}, until the condition holds on the page, and returns what it returned. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /**
     * Waits until an element is displayed, and returns it. An element found on a page that is being replaced (a
     * navigation under way) is looked for again on the next one.
     */
    public WebElement visible(By locator) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElements(locator).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    /** Runs a script in the page; an async one may end with a promise, which is awaited. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot the docs show ({@code docs/<name>.png}): saved under {@code target/screenshots} like every other,
     * and copied into {@code docs/} only when asked with {@code -Dordo.docs.screenshots=true}, so a test run leaves
     * the working tree as it found it.
     */
    public Path documentation(String name) {
        Path file = screenshot(name);
        if (Boolean.getBoolean("ordo.docs.screenshots")) {
            try {
                Files.copy(file, Path.of("docs", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** Back to a stranger: no session cookie, the window at its starting size, on a blank page. */
    void signedOut() {
        driver.get(baseUrl + "/console/assets/console.css");
        driver.manage().deleteAllCookies();
        resize(1280, 800);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
