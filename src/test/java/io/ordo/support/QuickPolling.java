package io.ordo.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility's defaults for the whole test run, set once when JUnit starts: check at once and then every 20 ms. The
 * library's own defaults (wait 100 ms before the first check, then every 100 ms) add a tenth of a second to every wait
 * for a projection that was usually up to date after a few milliseconds; an {@code await()} that needs slower polling
 * says so itself. Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class QuickPolling implements LauncherSessionListener {

    static final Duration INTERVAL = Duration.ofMillis(20);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(INTERVAL);
    }
}
