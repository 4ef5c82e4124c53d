package io.ordo.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Rows of Axon's {@code domain_event_entry} as the service writes them. The templates are real rows the service wrote
 * during the load phases (an {@code OrderPlaced} with three lines and its {@code OrderConfirmed}), copied with another
 * order id, so what the benchmark inserts itself has the same size and deserializes like the real thing.
 */
final class EventRows {

    /** One stored event of the template order. */
    record Row(
            String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] meta) {}

    private final String templateOrderId;
    private final Row placed;
    private final Row confirmed;

    private EventRows(String templateOrderId, Row placed, Row confirmed) {
        this.templateOrderId = templateOrderId;
        this.placed = placed;
        this.confirmed = confirmed;
    }

    /** The first order in the store that was placed and confirmed. */
    static EventRows readTemplates(Store.Instance store) throws SQLException {
        try (Connection connection = store.connect();
                Statement sql = connection.createStatement();
                ResultSet first = sql.executeQuery("select aggregate_identifier from domain_event_entry"
                        + " where payload_type = 'io.ordo.order.api.OrderConfirmed' order by global_index")) {
            if (!first.next()) {
                throw new IllegalStateException("no confirmed order in " + store.jdbcUrl());
            }
            String orderId = first.getString(1);
            return new EventRows(orderId, row(connection, orderId, 0), row(connection, orderId, 1));
        }
    }

    private static Row row(Connection connection, String orderId, long sequence) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select type, time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = ?")) {
            query.setString(1, orderId);
            query.setLong(2, sequence);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event " + sequence + " of " + orderId);
                }
                return new Row(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getBytes(5),
                        row.getBytes(6));
            }
        }
    }

    /** The schema the service's own migrations create, on an empty store. */
    static void migrate(Store.Instance store, boolean postgres) {
        Flyway.configure()
                .dataSource(store.jdbcUrl(), store.user(), store.password())
                .locations("classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
                .load()
                .migrate();
    }

    /** Inserts one row; the caller commits. */
    final class Writer implements AutoCloseable {

        private final PreparedStatement insert;

        Writer(Connection connection, String nextGlobalIndex) throws SQLException {
            insert = connection.prepareStatement("insert into domain_event_entry (global_index, aggregate_identifier,"
                    + " sequence_number, type, event_identifier, time_stamp, payload_type, payload_revision, payload,"
                    + " meta_data) values (" + nextGlobalIndex + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void placed(String orderId) throws SQLException {
            bind(orderId, 0, placed);
            insert.executeUpdate();
        }

        void confirmed(String orderId) throws SQLException {
            bind(orderId, 1, confirmed);
            insert.executeUpdate();
        }

        /** Both events of an order into the current batch. */
        void addOrderToBatch(String orderId) throws SQLException {
            bind(orderId, 0, placed);
            insert.addBatch();
            bind(orderId, 1, confirmed);
            insert.addBatch();
        }

        void executeBatch() throws SQLException {
            insert.executeBatch();
        }

        private void bind(String orderId, long sequence, Row row) throws SQLException {
            insert.setString(1, orderId);
            insert.setLong(2, sequence);
            insert.setString(3, row.type());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, row.timeStamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, withOrderId(row.payload(), orderId));
            insert.setBytes(9, row.meta());
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    Writer writer(Connection connection, String nextGlobalIndex) throws SQLException {
        return new Writer(connection, nextGlobalIndex);
    }

    int payloadBytes() {
        return placed.payload().length + confirmed.payload().length;
    }

    private byte[] withOrderId(byte[] payload, String orderId) {
        return new String(payload, StandardCharsets.UTF_8)
                .replace("\"" + templateOrderId + "\"", "\"" + orderId + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }
}
