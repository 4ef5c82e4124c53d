package io.ordo.platform.projections;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A row that mirrors one aggregate, as a projection writes it (see {@link BatchedRows}). It keeps the sequence number
 * of the last event applied, so an event delivered again (a retry, a replay over rows that stayed) changes nothing,
 * and the time of that event. Its columns are {@code version} and {@code updated_at}, which {@link AggregateRow} reads.
 */
public abstract class VersionedRow {

    private long version;
    private Instant updatedAt;

    protected VersionedRow(long version, Instant updatedAt) {
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /**
     * The one rule of every such row: {@code change} is applied to a row only if the event is newer than what it
     * shows, and the event is then recorded as applied. The predicate answers whether the row changed.
     */
    public static <R extends VersionedRow> Predicate<R> ifNewer(
            long eventVersion, Instant at, Consumer<? super R> change) {
        return row -> {
            VersionedRow versioned = row;
            if (versioned.version >= eventVersion) {
                return false;
            }
            change.accept(row);
            versioned.version = eventVersion;
            versioned.updatedAt = at;
            return true;
        };
    }

    public final long version() {
        return version;
    }

    public final Instant updatedAt() {
        return updatedAt;
    }
}
