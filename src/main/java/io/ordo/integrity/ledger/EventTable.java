package io.ordo.integrity.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads Axon's {@code domain_event_entry} as stored, by global index. */
public final class EventTable {

    private EventTable() {}

    /** The events from {@code fromGlobalIndex} on (through {@code toGlobalIndex}), in global order, at most limit. */
    public static List<StoredEvent> read(Connection connection, long fromGlobalIndex, long toGlobalIndex, int limit)
            throws SQLException {
        return RangeQuery.list(
                connection,
                "select " + StoredEvent.COLUMNS
                        + " from domain_event_entry where global_index >= ? and global_index <= ?"
                        + " order by global_index fetch first ? rows only",
                fromGlobalIndex,
                toGlobalIndex,
                limit,
                StoredEvent::from);
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
}
