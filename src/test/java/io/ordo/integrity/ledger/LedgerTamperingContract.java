package io.ordo.integrity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.integrity.ledger.LedgerFailure.Kind;
import io.ordo.integrity.merkle.CompactRange;
import io.ordo.integrity.verifier.LedgerVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with a sealed store by SQL, each detected at its exact ledger index, on a store migrated by the service's
 * Flyway scripts. The store: events at global indexes 1 to 8 but 4 (a transaction that rolled back long ago, sealed
 * as a gap), sealed one event per transaction and signed after each, so a checkpoint vouches for one or two leaves:
 *
 * <pre>
 * ledger index  0  1  2  3    4  5  6  7
 * global index  1  2  3  gap  5  6  7  8
 * </pre>
 */
abstract class LedgerTamperingContract {

    private static final KeyPair KEY = SigningKeys.generate();
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofMinutes(10));
    private static final SealSettings ONE_BY_ONE = new SealSettings(1, Duration.ofMinutes(1), 1, Duration.ofHours(1));

    private TestStore store;
    private LedgerSealer sealer;

    abstract TestStore newStore();

    @BeforeEach
    void aSealedStore() throws SQLException {
        store = newStore().migrated();
        sealer = new LedgerSealer(ONE_BY_ONE, new CheckpointSigner(KEY.getPrivate()), Clock.systemUTC());
        for (long global : new long[] {1, 2, 3, 5, 6, 7, 8}) {
            store.append(global, "order-" + (global % 3), global, "{\"n\":" + global + "}", LONG_AGO);
        }
        assertThat(sealAll()).isEqualTo(7);
    }

    @Test
    void anExistingStoreIsSealedWholeAndVerifies() throws SQLException {
        try (Connection connection = store.connect()) {
            assertThat(LedgerTables.state(connection)).isEqualTo(new LedgerState(8, 9));
            List<LedgerEntry> entries = LedgerTables.entries(connection, 0, 100, 100);
            assertThat(entries).extracting(LedgerEntry::globalIndex).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(entries.get(3).isGap()).isTrue();
            assertThat(CheckpointTable.latest(connection))
                    .map(Checkpoint::treeSize)
                    .contains(8L);
        }
        assertThat(verify()).isEmpty();
    }

    @Test
    void aPayloadUpdatedBySql() throws SQLException {
        store.execute("update domain_event_entry set payload = ? where global_index = 6", bytes("{\"n\":600}"));
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 5, Kind.PAYLOAD_CHANGED));
    }

    @Test
    void aLargePayloadIsHashedByItsStoredBytes() throws SQLException {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(13).nextBytes(large);
        store.execute("update domain_event_entry set payload = ? where global_index = 6", large);
        try (Connection connection = store.connect()) {
            assertThat(EventTable.at(connection, 6).orElseThrow().payloadHash())
                    .isEqualTo(io.ordo.integrity.merkle.MerkleHashing.sha256().digest(large));
        }
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 5, Kind.PAYLOAD_CHANGED));
    }

    @Test
    void metadataUpdatedBySql() throws SQLException {
        store.execute("update domain_event_entry set meta_data = ? where global_index = 2", bytes("{}"));
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 1, Kind.METADATA_CHANGED));
    }

    @Test
    void aTimestampUpdatedBySqlIsNamedByItsLeaf() throws SQLException {
        store.execute(
                "update domain_event_entry set time_stamp = ? where global_index = 7",
                Instant.now().toString());
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 6, Kind.EVENT_CHANGED));
    }

    @Test
    void aChangeOnlyTheLeafShowsComesBeforeAnyChangeAfterIt() throws SQLException {
        store.execute("update domain_event_entry set payload_type = 'Forged' where global_index = 2");
        store.execute("update domain_event_entry set payload = ? where global_index = 3", bytes("{\"n\":300}"));
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 1, Kind.EVENT_CHANGED));
    }

    @Test
    void aStoredLeafChangedTogetherWithItsBlockIsNamed() throws SQLException {
        try (Connection connection = store.connect()) {
            rebuildTreeWithLeaf(connection, 2, new byte[32]);
        }
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 2, Kind.EVENT_CHANGED));
    }

    @Test
    void anEventDeleted() throws SQLException {
        store.execute("delete from domain_event_entry where global_index = 7");
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 6, Kind.EVENT_MISSING));
    }

    @Test
    void aForgedEventInsertedWhereTheLedgerSealedAGap() throws SQLException {
        store.append(4, "order-forged", 0, "{\"forged\":true}", LONG_AGO);
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 3, Kind.EVENT_INSERTED));
    }

    @Test
    void aForgedEventInsertedBeforeTheFirst() throws SQLException {
        store.append(0, "order-forged", 0, "{\"forged\":true}", LONG_AGO);
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 0, Kind.EVENT_INSERTED));
    }

    @Test
    void twoEventsSwapped() throws SQLException {
        store.execute("update domain_event_entry set global_index = -1 where global_index = 2");
        store.execute("update domain_event_entry set global_index = 2 where global_index = 3");
        store.execute("update domain_event_entry set global_index = 3 where global_index = -1");
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 1, Kind.ORDER_CHANGED));
    }

    @Test
    void anEventRewrittenTogetherWithItsLeafAndTheStoredTreeIsCaughtByTheSignedCheckpoint() throws SQLException {
        byte[] forged = bytes("{\"n\":6000000}");
        store.execute("update domain_event_entry set payload = ? where global_index = 6", forged);
        try (Connection connection = store.connect()) {
            StoredEvent event = EventTable.at(connection, 6).orElseThrow();
            store.execute("update ledger_entry set payload_hash = ? where ledger_index = 5", event.payloadHash());
            rebuildTreeWithLeaf(connection, 5, LeafEnvelope.eventLeaf(5, event));
        }
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 5, Kind.ROOT_MISMATCH));

        store.append(9, "order-9", 0, "{}", LONG_AGO);
        LedgerSealer restarted =
                new LedgerSealer(ONE_BY_ONE, new CheckpointSigner(KEY.getPrivate()), Clock.systemUTC());
        try (Connection connection = store.connect()) {
            assertThatThrownBy(() -> restarted.sealOnce(connection))
                    .as("a sealer never signs over a rewritten tree")
                    .hasMessageContaining("stored tree does not give the root signed");
            assertThat(LedgerTables.state(connection).size()).isEqualTo(8);
        }
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() throws SQLException {
        try (Connection connection = store.connect()) {
            Checkpoint genuine = CheckpointTable.ofSize(connection, 8).orElseThrow();
            store.execute("delete from ledger_checkpoint where tree_size = 8");
            CheckpointTable.insert(
                    connection,
                    new CheckpointSigner(SigningKeys.generate().getPrivate())
                            .sign(8, genuine.rootHash(), Instant.now()));
        }
        assertThat(verify())
                .hasValueSatisfying(failure -> assertFailure(failure, 7, Kind.CHECKPOINT_SIGNATURE_INVALID));
    }

    @Test
    void eventsCommittedOutOfOrderAreSealedOnceInGlobalOrder() throws SQLException {
        store.execute("delete from ledger_checkpoint");
        store.execute("delete from ledger_node");
        store.execute("delete from ledger_entry");
        store.execute("delete from domain_event_entry");
        store.execute("update ledger_state set ledger_size = 0, next_global_index = 1");
        store.append(1, "order-a", 0, "{}", Instant.now());
        try (Connection slow = store.connect()) {
            slow.setAutoCommit(false);
            TestStore.insert(slow, 2, "order-b", 0, "{}", Instant.now());
            store.append(3, "order-c", 0, "{}", Instant.now());

            assertThat(sealAll())
                    .as("sealed before the slow transaction commits")
                    .isEqualTo(1);
            slow.commit();
        }
        assertThat(sealAll()).isEqualTo(2);
        assertThat(sealAll()).isZero();
        try (Connection connection = store.connect()) {
            assertThat(LedgerTables.entries(connection, 0, 100, 100))
                    .extracting(LedgerEntry::globalIndex, LedgerEntry::isGap)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, false),
                            org.assertj.core.groups.Tuple.tuple(2L, false),
                            org.assertj.core.groups.Tuple.tuple(3L, false));
        }
        assertThat(verify()).isEmpty();
    }

    @Test
    void aRecentGapIsWaitedForAndNothingAfterItSealed() throws SQLException {
        store.append(10, "order-late", 0, "{}", Instant.now());
        assertThat(sealAll()).isZero();
        try (Connection connection = store.connect()) {
            assertThat(LedgerTables.state(connection)).isEqualTo(new LedgerState(8, 9));
        }
    }

    @Test
    void onlyOneSealerAtATime() throws SQLException {
        store.append(9, "order-9", 0, "{}", Instant.now());
        try (Connection other = store.connect()) {
            other.setAutoCommit(false);
            assertThat(LedgerTables.lockState(other)).isPresent();
            try (Connection connection = store.connect()) {
                assertThat(sealer.sealOnce(connection).busy()).isTrue();
            }
            other.rollback();
        }
        assertThat(sealAll()).isEqualTo(1);
    }

    @Test
    void aPayloadErasedWithASignedErasureStillVerifiesAndAnyOtherChangeThereDoesNot() throws SQLException {
        PayloadEraser eraser = new PayloadEraser(new CheckpointSigner(KEY.getPrivate()));
        try (Connection connection = store.connect()) {
            eraser.erase(connection, 5, bytes("{\"n\":null}"), "GDPR request 42", Instant.now());
            assertThat(EventTable.at(connection, 6).orElseThrow().payloadHash())
                    .isEqualTo(io.ordo.integrity.merkle.MerkleHashing.sha256().digest(bytes("{\"n\":null}")));
        }
        assertThat(verify()).isEmpty();

        store.execute("update domain_event_entry set payload = ? where global_index = 6", bytes("{\"n\":666}"));
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 5, Kind.PAYLOAD_CHANGED));
    }

    @Test
    void anErasureSignedWithAnotherKeyIsRefused() throws SQLException {
        try (Connection connection = store.connect()) {
            new PayloadEraser(new CheckpointSigner(SigningKeys.generate().getPrivate()))
                    .erase(connection, 5, bytes("{\"n\":null}"), "forged erasure", Instant.now());
        }
        assertThat(verify()).hasValueSatisfying(failure -> assertFailure(failure, 5, Kind.PAYLOAD_CHANGED));
    }

    @Test
    void theStandaloneVerifierChecksACopyOfTheDatabaseAndNamesTheBrokenIndex(@TempDir Path dir) throws Exception {
        Path publicKey = Files.writeString(dir.resolve("ledger.pub.pem"), SigningKeys.publicPem(KEY.getPublic()));
        String[] command = {
            "log",
            "--public-key",
            publicKey.toString(),
            "--jdbc-url",
            store.url(),
            "--user",
            store.user(),
            "--password",
            store.password()
        };
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        assertThat(new LedgerVerifier(new PrintStream(passed, true, StandardCharsets.UTF_8)).run(command))
                .as(passed.toString(StandardCharsets.UTF_8))
                .isZero();

        store.execute("update domain_event_entry set payload = ? where global_index = 6", bytes("{\"n\":600}"));
        ByteArrayOutputStream failed = new ByteArrayOutputStream();
        assertThat(new LedgerVerifier(new PrintStream(failed, true, StandardCharsets.UTF_8)).run(command))
                .isEqualTo(1);
        assertThat(failed.toString(StandardCharsets.UTF_8)).contains("FAILED: ledger index 5: PAYLOAD_CHANGED");

        Path signingKey = Files.writeString(dir.resolve("ledger-key.pem"), SigningKeys.privatePem(KEY.getPrivate()));
        Path redacted = Files.writeString(dir.resolve("redacted.json"), "{\"n\":null}");
        ByteArrayOutputStream erased = new ByteArrayOutputStream();
        assertThat(new LedgerVerifier(new PrintStream(erased, true, StandardCharsets.UTF_8)).run(new String[] {
                    "erase",
                    "--signing-key",
                    signingKey.toString(),
                    "--jdbc-url",
                    store.url(),
                    "--user",
                    store.user(),
                    "--password",
                    store.password(),
                    "--ledger-index",
                    "5",
                    "--payload-file",
                    redacted.toString(),
                    "--reason",
                    "GDPR request 42"
                }))
                .as(erased.toString(StandardCharsets.UTF_8))
                .isZero();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(new LedgerVerifier(new PrintStream(again, true, StandardCharsets.UTF_8)).run(command))
                .as(again.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    private int sealAll() throws SQLException {
        int sealed = 0;
        try (Connection connection = store.connect()) {
            SealResult result;
            do {
                result = sealer.sealOnce(connection);
                sealed += result.sealedEvents().size();
            } while (result.leaves() > 0);
        }
        return sealed;
    }

    /**
     * Verifies as the service does, the events read on a second connection by a second thread, and checks that a
     * verification on one connection (the events read in the calling thread) finds the very same, and so do
     * verifications that compare the stored leaves in blocks small enough for this store (2 and 4 leaves, so that
     * blocks complete, fail and are left incomplete), all at once and a few leaves a call, as the auditor does.
     */
    private Optional<LedgerFailure> verify() throws SQLException {
        Optional<LedgerFailure> failure = verify(LedgerVerification::new, true, Long.MAX_VALUE);
        assertThat(verify(LedgerVerification::new, false, Long.MAX_VALUE))
                .as("verified on one connection")
                .isEqualTo(failure);
        for (int level : new int[] {1, 2}) {
            for (long step : new long[] {Long.MAX_VALUE, 1, 3}) {
                assertThat(verify((signatures, saved) -> new LedgerVerification(signatures, saved, level), true, step))
                        .as("stored leaves compared %d at a time, verified %d leaves a call", 1 << level, step)
                        .isEqualTo(failure);
            }
        }
        return failure;
    }

    private interface Verifications {
        LedgerVerification create(CheckpointVerifier signatures, List<Checkpoint> saved);
    }

    private Optional<LedgerFailure> verify(Verifications verifications, boolean eventsOnASecondConnection, long step)
            throws SQLException {
        try (Connection connection = store.connect()) {
            LedgerVerification verification = verifications.create(new CheckpointVerifier(KEY.getPublic()), List.of());
            long size = LedgerTables.state(connection).size();
            Optional<LedgerFailure> failure = Optional.empty();
            while (failure.isEmpty() && verification.verifiedSize() < size) {
                long upTo = Math.min(size, verification.verifiedSize() + step);
                failure = eventsOnASecondConnection
                        ? verification.verify(connection, store::connect, upTo, verified -> {})
                        : verification.verify(connection, upTo, verified -> {});
            }
            if (failure.isPresent()) {
                assertThat(verification.verify(connection, store::connect, size, verified -> {}))
                        .as("found again by the next call")
                        .isEqualTo(failure);
                return failure;
            }
            return verification.verifyNothingBeyond(connection);
        }
    }

    private static void assertFailure(LedgerFailure failure, long index, Kind kind) {
        assertThat(failure.kind()).as(failure.toString()).isEqualTo(kind);
        assertThat(failure.ledgerIndex()).as(failure.toString()).isEqualTo(index);
    }

    /** What an attacker without the key can do: every stored hash made consistent with the forged leaf. */
    private static void rebuildTreeWithLeaf(Connection connection, long index, byte[] leaf) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement query =
                        connection.prepareStatement("select hash from ledger_node where level = 0 order by position");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                leaves.add(rows.getBytes(1));
            }
        }
        leaves.set((int) index, leaf);
        List<TreeNode> nodes = new ArrayList<>();
        CompactRange range = new CompactRange();
        leaves.forEach(
                hash -> range.append(hash, (level, position, node) -> nodes.add(new TreeNode(level, position, node))));
        try (PreparedStatement delete = connection.prepareStatement("delete from ledger_node")) {
            delete.executeUpdate();
        }
        LedgerTables.insertNodes(connection, nodes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
