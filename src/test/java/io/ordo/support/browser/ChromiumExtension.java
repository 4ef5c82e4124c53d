package io.ordo.support.browser;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chromium per test class, signed out before each test (its cookies cleared), a screenshot after each. A missing
 * browser skips the class loudly, or fails it where browser tests are required.
 */
final class ChromiumExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<InstalledChromium> chromium = InstalledChromium.find();
        if (chromium.isEmpty()) {
            String message = "NO BROWSER: the console's browser tests in " + context.getDisplayName()
                    + " did not run. To run them, " + InstalledChromium.HOW_TO_ENABLE;
            if (InstalledChromium.required()) {
                throw new IllegalStateException(message);
            }
            System.err.println("\n*** " + message + " ***\n");
            throw new TestAbortedException(message);
        }
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        context.getStore(NAMESPACE).put(Browser.class, Browser.start(chromium.get(), "http://localhost:" + port));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser(context).signedOut();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser(context)
                .screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    }
}
