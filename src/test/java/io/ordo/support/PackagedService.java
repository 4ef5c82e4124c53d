package io.ordo.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The packaged jar ({@code target/ordo.jar}, built by {@code verify}) running as a process of its own. */
public final class PackagedService implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private Process process;

    private PackagedService(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the service on a free port with its store in {@code dataDir} and waits until it is healthy. */
    public static PackagedService start(Path dataDir) {
        PackagedService service = new PackagedService(dataDir, freePort());
        service.restart();
        return service;
    }

    /** Starts the process again on the same port and data folder. */
    public void restart() {
        try {
            process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            // C1 only, as the test JVMs (pom.xml's argLine): these tests check behaviour, not speed
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            System.getProperty("ordo.jar", "target/ordo.jar"),
                            "--server.port=" + port,
                            "--ordo.data-dir=" + dataDir.toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log")
                            .toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpJson http = http();
        // generous: on a shared 2-core machine under load the jar has been seen to need over three minutes to start
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.get("/actuator/health").status() == 200);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
