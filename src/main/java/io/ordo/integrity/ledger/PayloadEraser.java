package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.Erasure;
import io.ordo.integrity.merkle.MerkleHashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Replaces a sealed event's stored payload with redacted bytes (for privacy law) and records the signed erasure, in
 * one transaction. The leaf keeps the sealed payload's hash, so the tree and every checkpoint stay as they were, and
 * verification accepts the redacted bytes at that index, and only them. The redacted payload must still be one Axon
 * can read (the same JSON shape, personal fields blanked), or the aggregate can no longer be loaded.
 */
public final class PayloadEraser {

    private final CheckpointSigner signer;

    public PayloadEraser(CheckpointSigner signer) {
        this.signer = signer;
    }

    public Erasure erase(Connection connection, long ledgerIndex, byte[] redactedPayload, String reason, Instant at)
            throws SQLException {
        if (reason == null || reason.isBlank() || reason.length() > Erasure.MAX_REASON_LENGTH) {
            throw new IllegalArgumentException(
                    "an erasure needs a reason of 1 to " + Erasure.MAX_REASON_LENGTH + " characters");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            LedgerEntry entry = LedgerTables.entries(connection, ledgerIndex, ledgerIndex + 1, 1).stream()
                    .filter(found -> !found.isGap())
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("ledger index " + ledgerIndex + " sealed no event"));
            byte[] redactedHash = MerkleHashing.sha256().digest(redactedPayload);
            String erasedAt = at.toString();
            Erasure erasure = new Erasure(
                    ledgerIndex,
                    entry.payloadHash(),
                    redactedHash,
                    erasedAt,
                    reason,
                    signer.sign(Erasure.signedText(ledgerIndex, entry.payloadHash(), redactedHash, erasedAt, reason)));
            try (PreparedStatement update = connection.prepareStatement(
                    "update domain_event_entry set payload = ? where global_index = ? and event_identifier = ?")) {
                update.setBytes(1, redactedPayload);
                update.setLong(2, entry.globalIndex());
                update.setString(3, entry.eventIdentifier());
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the event sealed at ledger index " + ledgerIndex + " is not stored"
                            + " where it was sealed: verify the ledger first");
                }
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from ledger_erasure where ledger_index = ?")) {
                delete.setLong(1, ledgerIndex);
                delete.executeUpdate();
            }
            ErasureTable.insert(connection, erasure);
            connection.commit();
            return erasure;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
