package io.ordo.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** What a batch of events costs the store: one read per row, one write per row at commit, none for a stale event. */
class BatchedRowsTest {

    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");

    private final CountingStore store = new CountingStore();
    private final BatchedRows<Counter> rows = new BatchedRows<>(store);

    @AfterEach
    void noUnitOfWorkLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aBatchReadsEachRowOnceAndWritesItOnceWhenItCommits() {
        store.stored.put("a", new Counter("a", 0, 1));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.update("a", increment(1));
        rows.update("a", increment(2));
        rows.insertIfAbsent("b", () -> new Counter("b", 0, 10));
        rows.update("b", increment(1));
        assertThat(store.writes).isEmpty();
        batch.commit();

        assertThat(store.reads).containsExactly("a", "b");
        assertThat(store.writes).containsExactly("insert b", "update a");
        assertThat(store.stored.get("a").count).isEqualTo(4);
        assertThat(store.stored.get("b").count).isEqualTo(11);
    }

    @Test
    void anEventAtOrBelowTheRowsVersionChangesNothingAndWritesNothing() {
        store.stored.put("a", new Counter("a", 5, 1));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        boolean changed = rows.update("a", VersionedRow.ifNewer(5, AT, row -> row.count++));
        rows.insertIfAbsent("a", () -> new Counter("a", 0, 99));
        batch.commit();

        assertThat(changed).isFalse();
        assertThat(store.writes).isEmpty();
        assertThat(store.stored.get("a").count).isEqualTo(1);
    }

    @Test
    void outsideAUnitOfWorkEveryChangeIsWrittenAtOnce() {
        rows.insertIfAbsent("a", () -> new Counter("a", 0, 1));
        rows.update("a", increment(1));

        assertThat(store.writes).containsExactly("insert a", "update a");
    }

    @Test
    void pendingWritesAreWrittenEarlyOnDemandAndNotAgainAtCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.insertIfAbsent("a", () -> new Counter("a", 0, 1));
        PendingWrites.flush(batch);
        assertThat(store.writes).containsExactly("insert a");

        rows.update("a", increment(1));
        batch.commit();

        assertThat(store.writes).containsExactly("insert a", "update a");
    }

    @Test
    void aBatchWhoseEarlyWriteFailedCannotCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        rows.insertIfAbsent("too-long", () -> new Counter("too-long", 0, 1));
        assertThatThrownBy(() -> PendingWrites.flush(batch)).isInstanceOf(DataIntegrityViolationException.class);

        // a handler after the failed one starts from what the store holds, and the batch still rolls back
        rows.insertIfAbsent("b", () -> new Counter("b", 0, 1));
        assertThatThrownBy(batch::commit).hasRootCauseInstanceOf(DataIntegrityViolationException.class);

        assertThat(store.stored).doesNotContainKey("b");
    }

    private static Predicate<Counter> increment(int by) {
        return row -> {
            row.count += by;
            return true;
        };
    }

    static final class Counter extends VersionedRow {

        final String id;
        int count;

        Counter(String id, long version, int count) {
            super(version, AT);
            this.id = id;
            this.count = count;
        }
    }

    /** Rows in a map; an id named "too-long" is refused as a database would refuse a value too long for its column. */
    static final class CountingStore implements RowStore<Counter> {

        final Map<String, Counter> stored = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public String table() {
            return "counter";
        }

        @Override
        public Optional<Counter> find(String id) {
            reads.add(id);
            return Optional.ofNullable(stored.get(id)).map(row -> new Counter(row.id, row.version(), row.count));
        }

        @Override
        public void insert(List<Counter> rows) {
            rows.forEach(row -> write("insert", row));
        }

        @Override
        public void update(List<Counter> rows) {
            rows.forEach(row -> write("update", row));
        }

        private void write(String kind, Counter row) {
            if (row.id.equals("too-long")) {
                throw new DataIntegrityViolationException("value too long for column id");
            }
            writes.add(kind + " " + row.id);
            stored.put(row.id, new Counter(row.id, row.version(), row.count));
        }
    }
}
