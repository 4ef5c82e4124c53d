package io.ordo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/ordo.jar}) as a process of its own on a free port, as a user runs it; or the
 * plain-Axon baseline ({@code io.ordo.bench.baseline}) started the same way from the benchmark's classpath.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Options options;
    private final Path log;

    private ServiceProcess(Process process, int port, Options options, Path log) {
        this.process = process;
        this.port = port;
        this.options = options;
        this.log = log;
    }

    /** Starts the jar on {@code store} with the run's JVM options and properties, plus {@code extraArgs}. */
    static ServiceProcess start(Options options, Store.Instance store, String logName, List<String> extraArgs) {
        List<String> launch = List.of("-jar", options.jar().toAbsolutePath().toString());
        List<String> args = new ArrayList<>(store.serviceArgs());
        // the benchmark reports durable commits per order; the counter is off unless asked for
        args.add("--ordo.metrics.jdbc-commits=true");
        args.addAll(options.serviceArgs());
        args.addAll(extraArgs);
        return start(options, store, logName, launch, args);
    }

    /**
     * Starts the plain-Axon baseline on {@code store}'s database with the run's JVM options (not the service's
     * properties: they are Ordo's), its data source given as properties.
     */
    static ServiceProcess startBaseline(Options options, Store.Instance store) {
        List<String> launch = List.of(
                "-cp",
                System.getProperty("java.class.path"),
                io.ordo.bench.baseline.BaselineApplication.class.getName());
        return start(
                options,
                store,
                "baseline",
                launch,
                io.ordo.bench.baseline.BaselineApplication.arguments(store.jdbcUrl(), store.user(), store.password()));
    }

    private static ServiceProcess start(
            Options options, Store.Instance store, String logName, List<String> launch, List<String> args) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.serviceJvmOptions());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(args);
        Path log = store.logDir().resolve(logName + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(store.serviceEnv());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(process, port, options, log);
        service.awaitHealthy(Duration.ofSeconds(600));
        return service;
    }

    private void awaitHealthy(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Http http = http()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service stopped while starting; see " + log);
                }
                try {
                    if (http.get("/actuator/health").status() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                sleep(250);
            }
        }
        close();
        throw new IllegalStateException("the service did not become healthy in " + atMost + "; see " + log);
    }

    /** A connection with the clerk's credentials. */
    Http http() {
        return new Http(port, options.user(), options.password());
    }

    /** A connection with the administrator's credentials, for {@code /api/admin/**}. */
    Http adminHttp() {
        return new Http(port, options.adminUser(), options.adminPassword());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Durable JDBC commits the service has made so far ({@code ordo.jdbc.commits}, all data sources), or NaN where it
     * does not count them (the baseline, an older build).
     */
    double durableCommits() {
        return counter("ordo.jdbc.commits");
    }

    /**
     * Writes of the H2 store forced for durable commits so far ({@code ordo.h2.stores}): fewer than the durable
     * commits by as many as shared one (group commit). NaN where there is none (PostgreSQL, WRITE_DELAY=0).
     */
    double forcedWrites() {
        return counter("ordo.h2.stores");
    }

    private double counter(String name) {
        try (Http admin = adminHttp()) {
            Http.Response metric = admin.get("/actuator/metrics/" + name);
            return metric.ok()
                    ? metric.json().path("measurements").path(0).path("value").asDouble(Double.NaN)
                    : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds the service process has used so far: from {@code /proc} on Linux, as the per-thread figures are
     * ({@code ProcessHandle.Info} was seen to answer nothing now and then on a busy machine), else from the JDK.
     */
    double cpuSeconds() {
        double fromProc = ThreadCpu.processSeconds(process.pid());
        return Double.isNaN(fromProc)
                ? process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9
                : fromProc;
    }

    Path log() {
        return log;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
