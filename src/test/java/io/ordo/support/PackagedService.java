package io.ordo.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar ({@code target/ordo.jar}, built by {@code verify}) running as a process of its own. */
public final class PackagedService implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final List<String> arguments;
    private Process process;
    private Path log;

    private PackagedService(Path logDir, int port, List<String> arguments) {
        this.logDir = logDir;
        this.port = port;
        this.arguments = arguments;
    }

    /** Starts the service on a free port with its store in {@code dataDir} and waits until it is healthy. */
    public static PackagedService start(Path dataDir) {
        int port = freePort();
        return start(dataDir, port, List.of("--server.port=" + port, "--ordo.data-dir=" + dataDir.toAbsolutePath()));
    }

    /**
     * Starts the service with these command-line {@code arguments}, which must set {@code server.port} to
     * {@code port}, logging into {@code logDir}, and waits until it is healthy.
     */
    public static PackagedService start(Path logDir, int port, List<String> arguments) {
        PackagedService service = new PackagedService(logDir, port, List.copyOf(arguments));
        service.restart();
        return service;
    }

    /** Starts the process again on the same port and data folder, and waits until it is healthy. */
    public void restart() {
        restartAndAwait("/actuator/health");
    }

    /**
     * Starts the process again and waits only until it is live ({@code /actuator/health/liveness}): for a service
     * expected to report itself DOWN, such as one whose ledger was tampered with.
     */
    public void restartLive() {
        restartAndAwait("/actuator/health/liveness");
    }

    private void restartAndAwait(String healthPath) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only, as the test JVMs (pom.xml's argLine): these tests check behaviour, not speed
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    System.getProperty("ordo.jar", "target/ordo.jar")));
            command.addAll(arguments);
            log = logDir.resolve("service-" + System.nanoTime() + ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpJson http = http();
        // generous: on a shared 2-core machine under load the jar has been seen to need over three minutes to start
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.get(healthPath).status() == 200);
    }

    /** What the running (or last) process has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as {@code docker stop} and Kubernetes send: the JVM runs its shutdown hooks (Spring closes the context
     * gracefully) and exits with 143. Answers whether the process ended within {@code atMost}.
     */
    public boolean terminate(Duration atMost) throws InterruptedException {
        if (!process.supportsNormalTermination()) {
            throw new IllegalStateException("this platform cannot ask a process to stop, only kill it");
        }
        process.destroy();
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of the process, which must have ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public HttpJson http() {
        return new HttpJson("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
