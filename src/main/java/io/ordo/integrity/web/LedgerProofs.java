package io.ordo.integrity.web;

import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.document.CheckpointDocument;
import io.ordo.integrity.document.ConsistencyProofDocument;
import io.ordo.integrity.document.InclusionProofDocument;
import io.ordo.integrity.document.LeafDocument;
import io.ordo.integrity.ledger.CheckpointTable;
import io.ordo.integrity.ledger.EventTable;
import io.ordo.integrity.ledger.LedgerEntry;
import io.ordo.integrity.ledger.LedgerTables;
import io.ordo.integrity.ledger.StoredEvent;
import io.ordo.integrity.merkle.MerkleTree;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Builds proofs from the stored tree: O(log n) node reads each, on one connection. */
@Component
@ConditionalOnLedger
class LedgerProofs {

    private final DataSource dataSource;

    LedgerProofs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<CheckpointDocument> latestCheckpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return CheckpointTable.latest(connection).map(CheckpointDocument::of);
        }
    }

    InclusionProofDocument inclusion(String aggregateType, String aggregateIdentifier, long sequence, Long treeSize)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            LedgerEntry entry = LedgerTables.entryOf(connection, aggregateIdentifier, sequence)
                    .orElseThrow(() -> notFound("no sealed event " + sequence + " of " + aggregateIdentifier
                            + " (not sealed yet, or there is none)"));
            StoredEvent event = EventTable.at(connection, entry.globalIndex())
                    .filter(stored -> aggregateType.equals(stored.aggregateType()))
                    .orElseThrow(() -> notFound("no event " + sequence + " of " + aggregateType + " "
                            + aggregateIdentifier + " is stored where the ledger sealed it"));
            Checkpoint checkpoint = treeSize == null
                    ? CheckpointTable.latest(connection).orElseThrow(() -> notFound("no checkpoint is signed yet"))
                    : CheckpointTable.ofSize(connection, treeSize).orElse(null);
            long size = checkpoint == null ? treeSize : checkpoint.treeSize();
            long ledgerSize = LedgerTables.state(connection).size();
            if (size <= entry.ledgerIndex() || size > ledgerSize) {
                throw badRequest("treeSize must be above the event's ledger index " + entry.ledgerIndex()
                        + " and at most the ledger's size " + ledgerSize);
            }
            MerkleTree tree = new MerkleTree(LedgerTables.subtrees(connection));
            LeafDocument leaf = LeafDocument.of(entry.ledgerIndex(), event);
            return new InclusionProofDocument(
                    leaf,
                    leaf.leafHash(),
                    size,
                    tree.inclusionProof(entry.ledgerIndex(), size),
                    tree.root(size),
                    checkpoint == null ? null : CheckpointDocument.of(checkpoint));
        }
    }

    ConsistencyProofDocument consistency(long from, long to) throws SQLException {
        if (from > to) {
            throw badRequest("from must not be above to");
        }
        try (Connection connection = dataSource.getConnection()) {
            long ledgerSize = LedgerTables.state(connection).size();
            if (to > ledgerSize) {
                throw badRequest("to must be at most the ledger's size " + ledgerSize);
            }
            MerkleTree tree = new MerkleTree(LedgerTables.subtrees(connection));
            return new ConsistencyProofDocument(
                    from,
                    to,
                    tree.root(from),
                    tree.root(to),
                    tree.consistencyProof(from, to),
                    CheckpointTable.ofSize(connection, from)
                            .map(CheckpointDocument::of)
                            .orElse(null),
                    CheckpointTable.ofSize(connection, to)
                            .map(CheckpointDocument::of)
                            .orElse(null));
        }
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
