package io.ordo.integrity.ledger;

import io.ordo.integrity.merkle.PerfectSubtrees;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The ledger's own tables (migration V8) by plain JDBC: state, entries and the stored tree. */
public final class LedgerTables {

    private static final String ENTRY_FIELDS = "e.ledger_index, e.global_index, e.last_global_index, "
            + "e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_hash, e.meta_data_hash";
    private static final String ENTRY_COLUMNS = ENTRY_FIELDS + ", n.hash";
    private static final String ENTRY_FROM =
            " from ledger_entry e left join ledger_node n on n.level = 0 and n.position = e.ledger_index";
    private static final String ENTRY_RANGE =
            " where e.ledger_index >= ? and e.ledger_index < ? order by e.ledger_index fetch first ? rows only";

    private LedgerTables() {}

    /**
     * Locks the state row for this transaction, or answers empty when another transaction (another instance's
     * sealer) holds it: SKIP LOCKED, so that instance keeps sealing and this one does not wait for it.
     */
    public static Optional<LedgerState> lockState(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "select ledger_size, next_global_index from ledger_state where id = 1 for update skip locked");
                ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new LedgerState(row.getLong(1), row.getLong(2))) : Optional.empty();
        }
    }

    public static LedgerState state(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "select ledger_size, next_global_index from ledger_state where id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("ledger_state has no row: migration V8 did not run");
            }
            return new LedgerState(row.getLong(1), row.getLong(2));
        }
    }

    public static void saveState(Connection connection, LedgerState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update ledger_state set ledger_size = ?, next_global_index = ? where id = 1")) {
            update.setLong(1, state.size());
            update.setLong(2, state.nextGlobalIndex());
            update.executeUpdate();
        }
    }

    public static void insertEntries(Connection connection, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger_entry (ledger_index, "
                + "global_index, last_global_index, event_identifier, aggregate_identifier, sequence_number, "
                + "payload_hash, meta_data_hash) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerEntry entry : entries) {
                insert.setLong(1, entry.ledgerIndex());
                insert.setLong(2, entry.globalIndex());
                insert.setLong(3, entry.lastGlobalIndex());
                insert.setString(4, entry.eventIdentifier());
                insert.setString(5, entry.aggregateIdentifier());
                if (entry.sequenceNumber() == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, entry.sequenceNumber());
                }
                insert.setBytes(7, entry.payloadHash());
                insert.setBytes(8, entry.metaDataHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static void insertNodes(Connection connection, List<TreeNode> nodes) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("insert into ledger_node (level, position, hash) values (?, ?, ?)")) {
            for (TreeNode node : nodes) {
                insert.setInt(1, node.level());
                insert.setLong(2, node.position());
                insert.setBytes(3, node.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The stored tree, read one node per look-up on this connection (O(log n) look-ups per root or proof). */
    public static PerfectSubtrees subtrees(Connection connection) {
        return (level, position) -> {
            try (PreparedStatement query =
                    connection.prepareStatement("select hash from ledger_node where level = ? and position = ?")) {
                query.setInt(1, level);
                query.setLong(2, position);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new MissingTreeNodeException(level, position);
                    }
                    return row.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading ledger_node " + level + "/" + position, e);
            }
        };
    }

    /** Entries {@code [from, to)} in ledger order with their stored leaves, at most {@code limit}. */
    public static List<LedgerEntry> entries(Connection connection, long from, long to, int limit) throws SQLException {
        return RangeQuery.list(
                connection, "select " + ENTRY_COLUMNS + ENTRY_FROM + ENTRY_RANGE, from, to, limit, LedgerTables::entry);
    }

    /**
     * Entries {@code [from, to)} in ledger order without their stored leaves ({@code leafHash} null), at most
     * {@code limit}: what verification reads, comparing the stored leaves a block at a time instead
     * ({@link StoredLeaves}). The join with ledger_node cost more than reading the entries themselves.
     */
    static List<LedgerEntry> entriesWithoutLeaves(Connection connection, long from, long to, int limit)
            throws SQLException {
        return RangeQuery.list(
                connection,
                "select " + ENTRY_FIELDS + " from ledger_entry e" + ENTRY_RANGE,
                from,
                to,
                limit,
                row -> entry(row, null));
    }

    /** The stored leaves (ledger_node level 0) at positions {@code [from, to)}, in order; missing ones left out. */
    static List<TreeNode> leaves(Connection connection, long from, long to) throws SQLException {
        return RangeQuery.list(
                connection,
                "select position, hash from ledger_node where level = 0 and position >= ? and position < ?"
                        + " order by position fetch first ? rows only",
                from,
                to,
                (int) Math.min(to - from, Integer.MAX_VALUE),
                row -> new TreeNode(0, row.getLong(1), row.getBytes(2)));
    }

    /** One stored node, when there is one. */
    static Optional<byte[]> node(Connection connection, int level, long position) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select hash from ledger_node where level = ? and position = ?")) {
            query.setInt(1, level);
            query.setLong(2, position);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The leaf that sealed an aggregate's event. */
    public static Optional<LedgerEntry> entryOf(Connection connection, String aggregateIdentifier, long sequenceNumber)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select " + ENTRY_COLUMNS + ENTRY_FROM
                + " where e.aggregate_identifier = ? and e.sequence_number = ?")) {
            query.setString(1, aggregateIdentifier);
            query.setLong(2, sequenceNumber);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        return entry(row, row.getBytes(9));
    }

    private static LedgerEntry entry(ResultSet row, byte[] leafHash) throws SQLException {
        long sequence = row.getLong(6);
        return new LedgerEntry(
                row.getLong(1),
                row.getLong(2),
                row.getLong(3),
                row.getString(4),
                row.getString(5),
                row.wasNull() ? null : sequence,
                row.getBytes(7),
                row.getBytes(8),
                leafHash);
    }
}
