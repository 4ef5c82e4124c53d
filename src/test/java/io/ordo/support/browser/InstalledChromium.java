package io.ordo.support.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the system's Chromium and its chromedriver are: {@code ORDO_CHROMIUM} and {@code ORDO_CHROMEDRIVER}, else
 * Debian's places. Nothing is downloaded at test time: Selenium is given both paths, so its manager never runs.
 */
record InstalledChromium(Path browser, Path driver) {

    static final String REQUIRED = "ORDO_BROWSER_TESTS";

    static final String HOW_TO_ENABLE = "install Debian's chromium and chromium-driver (apt-get install -y chromium "
            + "chromium-driver), or point ORDO_CHROMIUM and ORDO_CHROMEDRIVER at a Chromium and its driver; "
            + ".ci/run does the former and sets " + REQUIRED + "=required";

    static Optional<InstalledChromium> find() {
        Optional<Path> browser =
                executable("ORDO_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> driver = executable("ORDO_CHROMEDRIVER", "/usr/bin/chromedriver");
        return browser.flatMap(b -> driver.map(d -> new InstalledChromium(b, d)));
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv(REQUIRED));
    }

    private static Optional<Path> executable(String variable, String... places) {
        String given = System.getenv(variable);
        Stream<String> candidates = given == null || given.isBlank() ? Stream.of(places) : Stream.of(given);
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
