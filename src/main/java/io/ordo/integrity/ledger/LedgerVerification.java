package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.ledger.LedgerFailure.Kind;
import io.ordo.integrity.merkle.CompactRange;
import io.ordo.integrity.merkle.MerkleTree;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongConsumer;

/**
 * Re-derives the ledger from the events as stored now and compares: every leaf is recomputed from its event's stored
 * bytes (never taken from the ledger's own tables), folded into a tree of its own, and each signed checkpoint's root
 * and signature are checked against it. The ledger's entry columns only serve to say what changed, and the stored
 * leaves (compared a block at a time, {@link StoredLeaves}) to name an event changed in a field its entry does not
 * hold. It reads the ledger in chunks in one pass (entries and events merged in order, the events read ahead by an
 * {@link EventStream} on a second thread), so it keeps up a fixed memory and continues where it stopped: the auditor
 * keeps one and calls {@link #verify} again for what was sealed since.
 */
public final class LedgerVerification {

    private static final int CHUNK = 10_000;

    /** Stored leaves are compared 1,024 at a time: one look-up of ledger_node for as many leaves. */
    private static final int STORED_BLOCK_LEVEL = 10;

    private final CheckpointVerifier signatures;
    private final List<Checkpoint> savedCheckpoints;
    private final int storedBlockLevel;
    private CompactRange recomputed = new CompactRange();
    private long nextGlobalIndex = Long.MIN_VALUE;
    private long checkpointsCheckedThrough;
    private StoredLeaves storedLeaves;
    /** Where to go back to when a stored leaf differs: the state when every leaf so far had been compared. */
    private Checked lastChecked;

    /** What the verification had verified when all its leaves had been compared with the stored ones. */
    private record Checked(CompactRange recomputed, long nextGlobalIndex, long checkpointsCheckedThrough) {}

    /** A perfect subtree the last append completed at the stored-block level, still to be compared. */
    private TreeNode completedBlock;

    private final CompactRange.CompletedSubtrees rememberBlock = this::remember;

    public LedgerVerification(CheckpointVerifier signatures) {
        this(signatures, List.of());
    }

    /**
     * Also checks checkpoints saved elsewhere (off the box): the store's roots must match them too, whatever became
     * of the checkpoints in its own table.
     */
    public LedgerVerification(CheckpointVerifier signatures, List<Checkpoint> savedCheckpoints) {
        this(signatures, savedCheckpoints, STORED_BLOCK_LEVEL);
    }

    /** With blocks of {@code 2^storedBlockLevel} stored leaves compared at once: small ones let tests reach them. */
    LedgerVerification(CheckpointVerifier signatures, List<Checkpoint> savedCheckpoints, int storedBlockLevel) {
        this.signatures = signatures;
        this.savedCheckpoints = List.copyOf(savedCheckpoints);
        this.storedBlockLevel = storedBlockLevel;
        this.storedLeaves = new StoredLeaves(storedBlockLevel, 0);
        this.lastChecked = new Checked(recomputed.copy(), nextGlobalIndex, checkpointsCheckedThrough);
    }

    /** Leaves verified so far. */
    public long verifiedSize() {
        return recomputed.size();
    }

    /** Opens another connection to the same database, for reading the events in parallel. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /**
     * Verifies the leaves from {@link #verifiedSize()} up to {@code upTo}, answering the first failure; after one it
     * stays before the failing leaf (at most a stored block before it), so the next call finds it again unless it was
     * repaired. The events are read on this same connection, by a second thread: see the other {@code verify} to read
     * them in parallel.
     */
    public Optional<LedgerFailure> verify(Connection connection, long upTo, LongConsumer progress) throws SQLException {
        return verify(connection, null, upTo, progress);
    }

    /**
     * As {@link #verify(Connection, long, LongConsumer)}, with the events read on a connection of their own from
     * {@code eventsConnection} (closed at the end): the two halves of the reading then run in parallel, on two
     * cores about twice as fast.
     */
    public Optional<LedgerFailure> verify(
            Connection connection, ConnectionOpener eventsConnection, long upTo, LongConsumer progress)
            throws SQLException {
        Optional<LedgerFailure> failure = verifyLeaves(connection, eventsConnection, upTo, progress);
        Optional<LedgerFailure> storedLeafBefore = checkStoredLeaves(storedLeaves.checkUnchecked(connection));
        return storedLeafBefore.isPresent() ? storedLeafBefore : failure;
    }

    /**
     * The leaves recomputed and checked in order; their stored leaves are compared a block at a time, so those of
     * the leaves since the last complete block are left to the caller (a stored leaf that differs there comes before
     * any failure found after it).
     */
    private Optional<LedgerFailure> verifyLeaves(
            Connection connection, ConnectionOpener eventsConnection, long upTo, LongConsumer progress)
            throws SQLException {
        Optional<LedgerFailure> failure = checkpointsAtCurrentSize(connection);
        if (failure.isPresent() || recomputed.size() >= upTo) {
            return failure;
        }
        Connection eventsOn = eventsConnection == null ? connection : eventsConnection.open();
        try (EventStream events = new EventStream(eventsOn, eventsOn != connection, nextGlobalIndex, CHUNK)) {
            while (failure.isEmpty() && recomputed.size() < upTo) {
                List<LedgerEntry> entries =
                        LedgerTables.entriesWithoutLeaves(connection, recomputed.size(), upTo, CHUNK);
                if (entries.isEmpty() || entries.get(0).ledgerIndex() != recomputed.size()) {
                    return Optional.of(
                            new LedgerFailure(recomputed.size(), Kind.EVENT_MISSING, "its ledger entry is gone"));
                }
                LedgerEntry last = entries.get(entries.size() - 1);
                Deque<Vouched> checkpoints =
                        vouched(checkpointsBetween(connection, checkpointsCheckedThrough, last.ledgerIndex() + 1));
                for (LedgerEntry entry : entries) {
                    failure = verifyEntry(connection, entry, events);
                    if (failure.isEmpty()) {
                        failure = checkpointsAt(connection, checkpoints);
                    }
                    if (failure.isPresent()) {
                        break;
                    }
                }
                progress.accept(recomputed.size());
            }
        }
        return failure;
    }

    /**
     * Checkpoints of a larger tree than the ledger holds mean leaves were cut off its end. Measured against the
     * ledger's size now, not the size verified: the sealer commits leaves, size and checkpoint together, so a
     * checkpoint beyond the current size cannot come from it, while one beyond what was verified may be new.
     */
    public Optional<LedgerFailure> verifyNothingBeyond(Connection connection) throws SQLException {
        long size = LedgerTables.state(connection).size();
        List<Checkpoint> beyond = checkpointsBetween(connection, size, Long.MAX_VALUE);
        return beyond.isEmpty()
                ? Optional.empty()
                : Optional.of(new LedgerFailure(
                        size,
                        Kind.EVENT_MISSING,
                        "a checkpoint vouches for "
                                + beyond.get(beyond.size() - 1).treeSize() + " leaves, the ledger holds " + size));
    }

    private Optional<LedgerFailure> verifyEntry(Connection connection, LedgerEntry entry, EventStream events)
            throws SQLException {
        long index = recomputed.size();
        if (entry.ledgerIndex() != index) {
            return fail(index, Kind.EVENT_MISSING, "its ledger entry is gone");
        }
        StoredEvent before = events.peekFirst();
        if (before != null && before.globalIndex() < entry.globalIndex()) {
            return fail(
                    index,
                    Kind.EVENT_INSERTED,
                    "event " + before.eventIdentifier() + " at global index " + before.globalIndex()
                            + " was never sealed, yet stands before this leaf");
        }
        byte[] leaf;
        if (entry.isGap()) {
            if (before != null && before.globalIndex() <= entry.lastGlobalIndex()) {
                return fail(
                        index,
                        Kind.EVENT_INSERTED,
                        "event " + before.eventIdentifier() + " at global index " + before.globalIndex()
                                + " stands in a gap sealed as empty");
            }
            leaf = LeafEnvelope.gapLeaf(index, entry.globalIndex(), entry.lastGlobalIndex());
        } else {
            StoredEvent event = before != null && before.globalIndex() == entry.globalIndex() ? before : null;
            Optional<LedgerFailure> changed = compare(connection, index, entry, event);
            if (changed.isPresent()) {
                return changed;
            }
            events.removeFirst();
            leaf = LeafEnvelope.eventLeaf(index, asSealed(event, entry));
        }
        storedLeaves.recomputed(leaf);
        recomputed.append(leaf, rememberBlock);
        nextGlobalIndex = entry.lastGlobalIndex() + 1;
        TreeNode block = completedBlock;
        completedBlock = null;
        return block == null
                ? Optional.empty()
                : checkStoredLeaves(storedLeaves.completed(connection, block.level(), block.position(), block.hash()));
    }

    private void remember(int level, long position, byte[] hash) {
        if (level == storedBlockLevel) {
            completedBlock = new TreeNode(level, position, hash);
        }
    }

    /**
     * Names the stored leaf that differs, if any, going back to the state when all before it had been compared, so
     * that the next call finds it again; otherwise remembers this state as the one to go back to.
     */
    private Optional<LedgerFailure> checkStoredLeaves(OptionalLong differing) {
        if (differing.isPresent()) {
            recomputed = lastChecked.recomputed().copy();
            nextGlobalIndex = lastChecked.nextGlobalIndex();
            checkpointsCheckedThrough = lastChecked.checkpointsCheckedThrough();
            storedLeaves = new StoredLeaves(storedBlockLevel, recomputed.size());
            return fail(
                    differing.getAsLong(),
                    Kind.EVENT_CHANGED,
                    "the leaf recomputed from the stored event is not the sealed one"
                            + " (its type, revision or timestamp changed, or the stored leaf did)");
        }
        if (storedLeaves.checkedThrough() == recomputed.size()) {
            lastChecked = new Checked(recomputed.copy(), nextGlobalIndex, checkpointsCheckedThrough);
        }
        return Optional.empty();
    }

    private Optional<LedgerFailure> compare(Connection connection, long index, LedgerEntry entry, StoredEvent event)
            throws SQLException {
        if (event == null || !event.eventIdentifier().equals(entry.eventIdentifier())) {
            OptionalLong elsewhere = EventTable.globalIndexOf(connection, entry.eventIdentifier());
            if (elsewhere.isPresent()) {
                return fail(
                        index,
                        Kind.ORDER_CHANGED,
                        "event " + entry.eventIdentifier() + " was sealed at global" + " index " + entry.globalIndex()
                                + " and now stands at " + elsewhere.getAsLong());
            }
            return fail(
                    index,
                    Kind.EVENT_MISSING,
                    "event " + entry.eventIdentifier() + " at global index "
                            + entry.globalIndex() + " is gone"
                            + (event == null ? "" : ", " + event.eventIdentifier() + " stands in its place"));
        }
        if (!Objects.equals(event.aggregateIdentifier(), entry.aggregateIdentifier())
                || entry.sequenceNumber() == null
                || entry.sequenceNumber() != event.sequenceNumber()) {
            return fail(
                    index,
                    Kind.EVENT_CHANGED,
                    "event " + entry.eventIdentifier() + " moved to aggregate " + event.aggregateIdentifier()
                            + " sequence " + event.sequenceNumber());
        }
        if (!Arrays.equals(event.payloadHash(), entry.payloadHash()) && !erased(connection, entry, event)) {
            return fail(
                    index,
                    Kind.PAYLOAD_CHANGED,
                    "the stored payload of event " + entry.eventIdentifier()
                            + " (aggregate " + entry.aggregateIdentifier() + ", sequence " + entry.sequenceNumber()
                            + ") is not the sealed one");
        }
        if (!Arrays.equals(event.metaDataHash(), entry.metaDataHash())) {
            return fail(
                    index,
                    Kind.METADATA_CHANGED,
                    "the stored metadata of event " + entry.eventIdentifier()
                            + " (aggregate " + entry.aggregateIdentifier() + ", sequence " + entry.sequenceNumber()
                            + ") is not the sealed one");
        }
        return Optional.empty();
    }

    /** Whether the payload was replaced by exactly the bytes of an erasure signed with the ledger key. */
    private boolean erased(Connection connection, LedgerEntry entry, StoredEvent event) throws SQLException {
        return ErasureTable.of(connection, entry)
                .filter(erasure -> signatures.isSigned(erasure.signedText(), erasure.signature()))
                .filter(erasure -> Arrays.equals(erasure.redactedPayloadHash(), event.payloadHash()))
                .isPresent();
    }

    /** The event as its leaf sealed it: an erased payload counts with the hash it had when sealed. */
    private static StoredEvent asSealed(StoredEvent event, LedgerEntry entry) {
        return Arrays.equals(event.payloadHash(), entry.payloadHash())
                ? event
                : event.withPayloadHash(entry.payloadHash());
    }

    private Optional<LedgerFailure> checkpointsAtCurrentSize(Connection connection) throws SQLException {
        return checkpointsAt(
                connection, vouched(checkpointsBetween(connection, checkpointsCheckedThrough, recomputed.size())));
    }

    /** A checkpoint whose signature is being checked on another core. */
    private record Vouched(Checkpoint checkpoint, CompletableFuture<Boolean> signed) {}

    /**
     * Starts checking the signatures of a chunk's checkpoints in the common pool, while this thread recomputes the
     * leaves: JDK 17's Ed25519 takes a millisecond or more a signature, a sixth of the verifying thread's time with a
     * checkpoint every 1,000 leaves. The results are still taken in order, each when its tree size is reached. The
     * pool is named: without it, on two cores (a common pool of one thread) {@code supplyAsync} starts a new thread for
     * every checkpoint.
     */
    private Deque<Vouched> vouched(List<Checkpoint> checkpoints) {
        Deque<Vouched> vouched = new ArrayDeque<>();
        for (Checkpoint checkpoint : checkpoints) {
            vouched.add(new Vouched(
                    checkpoint,
                    CompletableFuture.supplyAsync(() -> signatures.isSigned(checkpoint), ForkJoinPool.commonPool())));
        }
        return vouched;
    }

    /** Checks the checkpoints whose tree is exactly the leaves verified so far. */
    private Optional<LedgerFailure> checkpointsAt(Connection connection, Deque<Vouched> checkpoints) {
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().checkpoint().treeSize() <= recomputed.size()) {
            Checkpoint checkpoint = checkpoints.peekFirst().checkpoint();
            long firstVouched = checkpointsCheckedThrough;
            String range = "leaves " + firstVouched + " to " + (checkpoint.treeSize() - 1) + " under the checkpoint"
                    + " of tree size " + checkpoint.treeSize();
            if (checkpoint.treeSize() < recomputed.size()) {
                return fail(
                        firstVouched,
                        Kind.ROOT_MISMATCH,
                        "the checkpoint of tree size " + checkpoint.treeSize() + " was not checked in order");
            }
            if (!checkpoints.peekFirst().signed().join()) {
                return fail(
                        firstVouched,
                        Kind.CHECKPOINT_SIGNATURE_INVALID,
                        "the checkpoint of tree size " + checkpoint.treeSize() + " is not signed by the ledger's key");
            }
            if (!MessageDigest.isEqual(recomputed.root(), checkpoint.rootHash())) {
                return fail(
                        firstVouched,
                        Kind.ROOT_MISMATCH,
                        "the stored events do not give the signed root: " + "one of " + range + " was rewritten");
            }
            if (!MessageDigest.isEqual(storedRoot(connection, checkpoint.treeSize()), checkpoint.rootHash())) {
                return fail(
                        firstVouched,
                        Kind.STORED_TREE_CHANGED,
                        "ledger_node does not give the signed root of " + range);
            }
            checkpointsCheckedThrough = checkpoint.treeSize();
            checkpoints.removeFirst();
        }
        return Optional.empty();
    }

    /** The stored checkpoints and the saved ones with {@code after < treeSize <= upTo}, smallest first. */
    private List<Checkpoint> checkpointsBetween(Connection connection, long after, long upTo) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>(CheckpointTable.between(connection, after, upTo));
        savedCheckpoints.stream()
                .filter(saved -> saved.treeSize() > after && saved.treeSize() <= upTo)
                .forEach(checkpoints::add);
        checkpoints.sort(Comparator.comparingLong(Checkpoint::treeSize));
        return checkpoints;
    }

    private static byte[] storedRoot(Connection connection, long size) {
        try {
            return new MerkleTree(LedgerTables.subtrees(connection)).root(size);
        } catch (MissingTreeNodeException e) {
            return new byte[0];
        }
    }

    private static Optional<LedgerFailure> fail(long index, Kind kind, String detail) {
        return Optional.of(new LedgerFailure(index, kind, detail));
    }
}
