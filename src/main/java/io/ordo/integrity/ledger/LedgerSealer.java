package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.merkle.CompactRange;
import io.ordo.integrity.merkle.MerkleTree;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Appends committed events to the ledger in global-index order, one batch per transaction. The transaction first
 * locks {@code ledger_state} (SKIP LOCKED): whoever holds it is the one sealer, on any number of instances, and a
 * sealer that finds it held does nothing this time.
 *
 * <p>A missing global index is either a transaction still committing (its event will appear) or one that rolled back
 * (it never will). Like Axon's {@code GapAwareTrackingToken}, the sealer waits, and seals a gap leaf for it only once
 * the event stored after it is older than the gap time-out: a transaction that took its index before that event was
 * created has then had the whole time-out to commit. Until then nothing after the gap is sealed, so the ledger
 * order is the global order, once and for all.
 *
 * <p>Not thread-safe: one thread per instance calls {@link #sealOnce}.
 */
public final class LedgerSealer {

    private final SealSettings settings;
    private final CheckpointSigner signer;
    private final Clock clock;

    /** The tree's right edge after this sealer's last commit; re-read when another instance sealed in between. */
    private CompactRange edge;

    public LedgerSealer(SealSettings settings, CheckpointSigner signer, Clock clock) {
        this.settings = settings;
        this.signer = signer;
        this.clock = clock;
    }

    /** One seal transaction on {@code connection}, which it commits (or rolls back on failure). */
    public SealResult sealOnce(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Optional<LedgerState> locked = LedgerTables.lockState(connection);
            if (locked.isEmpty()) {
                connection.rollback();
                return SealResult.ledgerBusy();
            }
            SealResult result = seal(connection, locked.get());
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            edge = null;
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private SealResult seal(Connection connection, LedgerState state) throws SQLException {
        CompactRange working =
                edge != null && edge.size() == state.size() ? edge.copy() : storedEdge(connection, state);
        Instant now = clock.instant();
        List<StoredEvent> events =
                EventTable.read(connection, state.nextGlobalIndex(), Long.MAX_VALUE, settings.batchSize());
        List<LedgerEntry> entries = new ArrayList<>();
        List<TreeNode> nodes = new ArrayList<>();
        List<StoredEvent> sealed = new ArrayList<>();
        long next = state.nextGlobalIndex();
        boolean waiting = false;
        for (StoredEvent event : events) {
            if (event.globalIndex() > next) {
                if (!mayNoLongerBeFilled(event, now)) {
                    waiting = true;
                    break;
                }
                long index = working.size();
                byte[] leaf = LeafEnvelope.gapLeaf(index, next, event.globalIndex() - 1);
                entries.add(LedgerEntry.gap(index, next, event.globalIndex() - 1, leaf));
                working.append(leaf, (level, position, hash) -> nodes.add(new TreeNode(level, position, hash)));
            }
            long index = working.size();
            byte[] leaf = LeafEnvelope.eventLeaf(index, event);
            entries.add(LedgerEntry.event(index, event, leaf));
            working.append(leaf, (level, position, hash) -> nodes.add(new TreeNode(level, position, hash)));
            sealed.add(event);
            next = event.globalIndex() + 1;
        }
        if (!entries.isEmpty()) {
            LedgerTables.insertEntries(connection, entries);
            LedgerTables.insertNodes(connection, nodes);
            LedgerTables.saveState(connection, new LedgerState(working.size(), next));
        }
        Checkpoint checkpoint = checkpointIfDue(connection, working, now);
        edge = working;
        return new SealResult(sealed, entries.size(), waiting, checkpoint, false);
    }

    /**
     * The tree's edge as stored, after checking that the stored tree still gives the latest signed root: a sealer
     * must never sign a checkpoint over a tree someone rewrote (that would launder the rewrite into new signatures).
     * It then refuses to seal until an operator has verified the ledger.
     */
    private static CompactRange storedEdge(Connection connection, LedgerState state) throws SQLException {
        Optional<Checkpoint> latest = CheckpointTable.latest(connection);
        if (latest.isPresent() && latest.get().treeSize() <= state.size()) {
            byte[] storedRoot = new MerkleTree(LedgerTables.subtrees(connection))
                    .root(latest.get().treeSize());
            if (!MessageDigest.isEqual(storedRoot, latest.get().rootHash())) {
                throw new IllegalStateException("the stored tree does not give the root signed at tree size "
                        + latest.get().treeSize() + ": not sealing until the ledger is verified"
                        + " (POST /api/admin/integrity/verify)");
            }
        }
        return CompactRange.of(state.size(), LedgerTables.subtrees(connection));
    }

    private boolean mayNoLongerBeFilled(StoredEvent after, Instant now) {
        try {
            return Instant.parse(after.timestamp()).isBefore(now.minus(settings.gapTimeout()));
        } catch (DateTimeParseException e) {
            return true; // not Axon's format: no time to wait by; the gap cannot be told apart from a lost one
        }
    }

    private Checkpoint checkpointIfDue(Connection connection, CompactRange tree, Instant now) throws SQLException {
        Optional<Checkpoint> latest = CheckpointTable.latest(connection);
        long signedSize = latest.map(Checkpoint::treeSize).orElse(0L);
        long added = tree.size() - signedSize;
        if (added <= 0) {
            return null;
        }
        Instant signedAt =
                latest.map(checkpoint -> Instant.parse(checkpoint.signedAt())).orElse(Instant.EPOCH);
        boolean due = added >= settings.checkpointEveryEvents()
                || !Duration.between(signedAt, now)
                        .minus(settings.checkpointEvery())
                        .isNegative();
        if (!due) {
            return null;
        }
        Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), now);
        CheckpointTable.insert(connection, checkpoint);
        return checkpoint;
    }
}
