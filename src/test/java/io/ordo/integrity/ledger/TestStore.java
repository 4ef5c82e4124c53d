package io.ordo.integrity.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database migrated by the service's own Flyway scripts (H2 or PostgreSQL), with Axon's event table written the way
 * Axon writes it: the real store's schema, filled and tampered with by SQL.
 */
record TestStore(String url, String user, String password, String vendor) {

    static TestStore h2() {
        return new TestStore("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", "h2");
    }

    static TestStore postgres(String url) {
        return new TestStore(url, "postgres", "postgres", "postgresql");
    }

    TestStore migrated() {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
        return this;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Appends an event at {@code globalIndex} in its own, committed transaction. */
    void append(long globalIndex, String aggregate, long sequence, String payload, Instant at) throws SQLException {
        try (Connection connection = connect()) {
            insert(connection, globalIndex, aggregate, sequence, payload, at);
        }
    }

    static void insert(
            Connection connection, long globalIndex, String aggregate, long sequence, String payload, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index,"
                + " aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data) values (?, ?, ?, 'Order', ?, ?, ?, '1', ?, ?)")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, at.toString());
            insert.setString(6, "io.ordo.order.api.OrderPlaced");
            insert.setBytes(7, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(8, ("{\"traceId\":\"" + globalIndex + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
