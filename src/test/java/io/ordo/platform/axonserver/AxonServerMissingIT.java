package io.ordo.platform.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.PaymentProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started with the {@code axonserver} profile where no Axon Server listens (a closed local port): it
 * exits with an error soon after its first connection attempt, says in one line which address it tried, that the
 * profile requires Axon Server and where the docs say how to start it, and prints at most one stack trace (the
 * connector's own warning about the first refused connection) instead of the processors' thirty retries.
 */
class AxonServerMissingIT {

    @TempDir
    Path dir;

    @Test
    void withoutAxonServerTheStartEndsInOneLineThatSaysWhatIsMissing() throws Exception {
        String address = "localhost:" + closedPort();
        Path log = dir.resolve("ordo.log");
        ProcessBuilder ordo = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        System.getProperty("ordo.jar", "target/ordo.jar"),
                        "--server.port=0",
                        "--ordo.data-dir=" + dir.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // configured the way deployment.md tells an operator to, through the environment
        ordo.environment().put("SPRING_PROFILES_ACTIVE", "axonserver");
        ordo.environment().put("AXON_SERVER", address);
        ordo.environment().put("ORDO_AXONSERVER_START_TIMEOUT", "3s");
        ordo.environment().put("ORDO_ADMIN_PASSWORD", "admin");
        ordo.environment().put("ORDO_CLERK_PASSWORD", "clerk");
        ordo.environment().put("ORDO_PAYMENTS_WEBHOOK_SECRET", PaymentProvider.DEVELOPMENT_SECRET);
        Process process = ordo.start();
        try {
            // generous for a loaded machine: the bound that matters is measured from the first attempt, below
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("exited").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        String output = String.join("\n", lines);

        assertThat(process.exitValue()).isNotZero();
        assertThat(lines)
                .as(output)
                .anySatisfy(line -> assertThat(line)
                        .contains("No Axon Server answered at " + address)
                        .contains("the axonserver profile requires one")
                        .contains("docs/deployment.md#axon-server"));
        assertThat(output).doesNotContain("Tried invoking the action");
        assertThat(stackTraces(lines)).as(output).isLessThanOrEqualTo(1);
        // the old failure came ~30 s after the first attempt; now it comes after the 3 s start-timeout
        Instant firstAttempt = timeOfFirst(lines, "Requesting connection details from " + address);
        Instant report = timeOfFirst(lines, "Application run failed", "LoggingFailureAnalysisReporter");
        assertThat(Duration.between(firstAttempt, report)).isLessThan(Duration.ofSeconds(15));
    }

    /** A trace starts where a line that is not itself part of a trace is followed by an {@code at} line. */
    private static long stackTraces(List<String> lines) {
        long traces = 0;
        for (int i = 1; i < lines.size(); i++) {
            String previous = lines.get(i - 1);
            boolean partOfTrace = previous.startsWith("\tat ")
                    || previous.startsWith("\t...")
                    || previous.startsWith("Caused by:")
                    || previous.stripLeading().startsWith("Suppressed:");
            if (lines.get(i).startsWith("\tat ") && !partOfTrace) {
                traces++;
            }
        }
        return traces;
    }

    private static Instant timeOfFirst(List<String> lines, String... anyOf) {
        return lines.stream()
                .filter(line -> List.of(anyOf).stream().anyMatch(line::contains))
                .findFirst()
                .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                .orElseThrow(() -> new AssertionError("no line with any of " + List.of(anyOf)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
