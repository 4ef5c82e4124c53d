package io.ordo.platform.projections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The rows of one read model as a processor's batch sees them: each row is read once by its id (the first time an
 * event of the batch needs it), changed in memory by every event after that, and written once when the batch's unit
 * of work commits, new rows inserted and changed ones updated, each kind in one JDBC batch, in the processor's
 * transaction with its token. A pooled processor handles up to a hundred events in one unit of work, so a row is read
 * and written once per batch instead of once per event, and no entity is tracked.
 *
 * <p>Outside a unit of work (a test calling a handler) every call reads and writes at once. An event handled on its own
 * by poison isolation has its writes flushed right after its handler through {@link PendingWrites}. A batch whose
 * writes failed cannot commit: a JDBC batch may have stored part of its rows, so the whole attempt must roll back.
 */
public final class BatchedRows<R> {

    private final RowStore<R> store;
    private final String resourceKey;

    public BatchedRows(RowStore<R> store) {
        this.store = store;
        this.resourceKey =
                BatchedRows.class.getName() + "[" + store.table() + "@" + System.identityHashCode(this) + "]";
    }

    /** Stores the row {@code create} makes under this id, unless there is one already; whether it did. */
    public boolean insertIfAbsent(String id, Supplier<R> create) {
        Batch batch = batch();
        boolean inserted = batch.entry(id).createIfAbsent(create);
        batch.writeIfAlone();
        return inserted;
    }

    /** Applies {@code change} to the row with this id, if there is one; it is written if {@code change} answers true. */
    public boolean update(String id, Predicate<? super R> change) {
        Batch batch = batch();
        boolean changed = batch.entry(id).change(change);
        batch.writeIfAlone();
        return changed;
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch existing = root.getResource(resourceKey);
        if (existing != null) {
            return existing;
        }
        // not in getOrComputeResource's function: PendingWrites.of adds a resource of its own to the same map
        Batch batch = new Batch(false);
        root.resources().put(resourceKey, batch);
        root.onPrepareCommit(unitOfWork -> batch.write());
        PendingWrites.of(root).add(batch);
        return batch;
    }

    private final class Batch implements PendingWrites.Writer {

        private final boolean alone;
        private final Map<String, Entry> rows = new LinkedHashMap<>();
        private RuntimeException failed;

        private Batch(boolean alone) {
            this.alone = alone;
        }

        Entry entry(String id) {
            return rows.computeIfAbsent(id, key -> new Entry(store.find(key).orElse(null)));
        }

        void writeIfAlone() {
            if (alone) {
                write();
            }
        }

        @Override
        public void write() {
            if (failed != null) {
                throw new IllegalStateException(
                        "an earlier write of this batch to " + store.table() + " failed, so it cannot commit", failed);
            }
            List<R> inserts = new ArrayList<>();
            List<R> updates = new ArrayList<>();
            rows.values().forEach(entry -> entry.pending(inserts, updates));
            try {
                store.insert(inserts);
                store.update(updates);
            } catch (RuntimeException writeFailed) {
                failed = writeFailed;
                rows.clear();
                throw writeFailed;
            }
            rows.values().forEach(Entry::written);
        }

        @Override
        public void discard() {
            rows.clear();
        }
    }

    private final class Entry {

        private R row;
        private boolean stored;
        private boolean changed;

        private Entry(R found) {
            this.row = found;
            this.stored = found != null;
        }

        boolean createIfAbsent(Supplier<R> create) {
            if (row != null) {
                return false;
            }
            row = create.get();
            changed = true;
            return true;
        }

        boolean change(Predicate<? super R> change) {
            if (row == null || !change.test(row)) {
                return false;
            }
            changed = true;
            return true;
        }

        void pending(List<R> inserts, List<R> updates) {
            if (changed) {
                (stored ? updates : inserts).add(row);
            }
        }

        void written() {
            stored = stored || row != null;
            changed = false;
        }
    }
}
