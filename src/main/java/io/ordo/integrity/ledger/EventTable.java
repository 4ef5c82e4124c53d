package io.ordo.integrity.ledger;

import io.ordo.integrity.merkle.MerkleHashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Axon's {@code domain_event_entry} as stored, by global index, with the payload and metadata as SHA-256 of
 * their stored bytes. PostgreSQL hashes them itself ({@code sha256}): the same digest of the same bytes, without
 * shipping every payload to the reader. H2 copies each BLOB it puts in a query's result into a temporary LOB (written
 * to the database file, then dropped), which cost more than everything else a verification does, so there the query
 * casts them to VARBINARY (the bytes, read once from the LOB store) and they are hashed here with a reused digest: H2's
 * own {@code HASH('SHA-256', ...)} looks the digest up and allocates two 4 KB buffers for every value, which made its
 * reading thread a third slower and fed the collector three times the garbage. Other databases send the bytes and they
 * are hashed here too.
 */
public final class EventTable {

    private static final String FIELDS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, time_stamp, ";
    private static final String RANGE = " from domain_event_entry where global_index >= ? and global_index <= ?"
            + " order by global_index fetch first ? rows only";

    private EventTable() {}

    /** The events from {@code fromGlobalIndex} on (through {@code toGlobalIndex}), in global order, at most limit. */
    public static List<StoredEvent> read(Connection connection, long fromGlobalIndex, long toGlobalIndex, int limit)
            throws SQLException {
        Hashing hashing = Hashing.of(connection);
        return RangeQuery.list(
                connection,
                "select " + FIELDS + hashing.column("payload") + ", " + hashing.column("meta_data") + RANGE,
                fromGlobalIndex,
                toGlobalIndex,
                limit,
                hashing::event);
    }

    public static Optional<StoredEvent> at(Connection connection, long globalIndex) throws SQLException {
        List<StoredEvent> events = read(connection, globalIndex, globalIndex, 1);
        return events.stream().findFirst();
    }

    public static OptionalLong globalIndexOf(Connection connection, String eventIdentifier) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select global_index from domain_event_entry where event_identifier = ?")) {
            query.setString(1, eventIdentifier);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Who computes SHA-256 of the stored bytes: the database, with its own function, or this reader. */
    private enum Hashing {
        H2("CAST(%s AS VARBINARY)", true),
        POSTGRESQL("sha256(%s)", false),
        HERE("%s", true);

        private final String expression;
        private final boolean hashedHere;

        Hashing(String expression, boolean hashedHere) {
            this.expression = expression;
            this.hashedHere = hashedHere;
        }

        static Hashing of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("h2") ? H2 : product.contains("postgresql") ? POSTGRESQL : HERE;
        }

        String column(String name) {
            return expression.formatted(name);
        }

        StoredEvent event(ResultSet row) throws SQLException {
            return new StoredEvent(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getLong(5),
                    row.getString(6),
                    row.getString(7),
                    row.getString(8),
                    hash(row.getBytes(9)),
                    hash(row.getBytes(10)));
        }

        private byte[] hash(byte[] column) {
            if (!hashedHere || column == null) {
                return column;
            }
            return MerkleHashing.sha256Of(column);
        }
    }
}
