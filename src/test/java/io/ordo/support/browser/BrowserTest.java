package io.ordo.support.browser;

import io.ordo.support.HttpTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the console in a real browser: the whole service over HTTP as in {@link HttpTest} (the same cached
 * context), and a {@link Browser} parameter, a headless Chromium of the system driven by its chromedriver, pointed at
 * that service. Without a browser the class is skipped with a loud message, unless {@code ORDO_BROWSER_TESTS=required}
 * (set by {@code .ci/run}), where it fails. A screenshot of each test's last page is saved under
 * {@code target/screenshots/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@HttpTest
@Tag("browser")
@ExtendWith(ChromiumExtension.class)
public @interface BrowserTest {}
