package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The signed checkpoints ({@code ledger_checkpoint}). */
public final class CheckpointTable {

    private static final String COLUMNS = "select tree_size, root_hash, signed_at, signature from ledger_checkpoint";

    private CheckpointTable() {}

    public static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ledger_checkpoint (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setBytes(2, checkpoint.rootHash());
            insert.setString(3, checkpoint.signedAt());
            insert.setBytes(4, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    public static Optional<Checkpoint> latest(Connection connection) throws SQLException {
        return first(connection, COLUMNS + " order by tree_size desc", -1);
    }

    public static Optional<Checkpoint> ofSize(Connection connection, long treeSize) throws SQLException {
        return first(connection, COLUMNS + " where tree_size = ?", treeSize);
    }

    /** Checkpoints with {@code after < tree_size <= upTo}, smallest first. */
    public static List<Checkpoint> between(Connection connection, long after, long upTo) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(COLUMNS + " where tree_size > ? and tree_size <= ? order by tree_size")) {
            query.setLong(1, after);
            query.setLong(2, upTo);
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(checkpoint(rows));
                }
            }
            return checkpoints;
        }
    }

    private static Optional<Checkpoint> first(Connection connection, String sql, long parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter >= 0) {
                query.setLong(1, parameter);
            }
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
            }
        }
    }

    private static Checkpoint checkpoint(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong(1), row.getBytes(2), row.getString(3), row.getBytes(4));
    }
}
