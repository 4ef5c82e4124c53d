package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.Erasure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The signed erasures ({@code ledger_erasure}); the sealed payload hash is the ledger entry's. */
public final class ErasureTable {

    private ErasureTable() {}

    public static void insert(Connection connection, Erasure erasure) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger_erasure (ledger_index,"
                + " redacted_payload_hash, erased_at, reason, signature) values (?, ?, ?, ?, ?)")) {
            insert.setLong(1, erasure.ledgerIndex());
            insert.setBytes(2, erasure.redactedPayloadHash());
            insert.setString(3, erasure.erasedAt());
            insert.setString(4, erasure.reason());
            insert.setBytes(5, erasure.signature());
            insert.executeUpdate();
        }
    }

    /** The erasure of the leaf that sealed {@code entry}, with the entry's sealed payload hash. */
    public static Optional<Erasure> of(Connection connection, LedgerEntry entry) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select redacted_payload_hash, erased_at, reason,"
                + " signature from ledger_erasure where ledger_index = ?")) {
            query.setLong(1, entry.ledgerIndex());
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Erasure(
                                entry.ledgerIndex(),
                                entry.payloadHash(),
                                row.getBytes(1),
                                row.getString(2),
                                row.getString(3),
                                row.getBytes(4)))
                        : Optional.empty();
            }
        }
    }
}
