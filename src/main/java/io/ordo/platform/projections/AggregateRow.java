package io.ordo.platform.projections;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-model row that mirrors one aggregate. It keeps the sequence number of the last event applied, so an event
 * delivered again (a retry, a replay over rows that stayed) changes nothing, and the time of that event.
 */
@MappedSuperclass
public abstract class AggregateRow extends NewRowAware {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private long version;

    protected AggregateRow() {
        // JPA needs it
    }

    protected AggregateRow(long version, Instant at) {
        this.version = version;
        this.updatedAt = at;
    }

    /**
     * Applies {@code change} to the row, if there is one and the event is newer than what it shows, and records the
     * event as applied; the row when it changed.
     */
    public static <R extends AggregateRow> Optional<R> apply(
            Optional<R> row, long eventVersion, Instant at, Consumer<? super R> change) {
        return row.filter(found -> found.version() < eventVersion).map(found -> {
            change.accept(found);
            ((AggregateRow) found).applied(eventVersion, at);
            return found;
        });
    }

    private void applied(long eventVersion, Instant at) {
        this.version = eventVersion;
        this.updatedAt = at;
    }

    protected final long version() {
        return version;
    }

    protected final Instant updatedAt() {
        return updatedAt;
    }
}
