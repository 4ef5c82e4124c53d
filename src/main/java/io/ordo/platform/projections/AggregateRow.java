package io.ordo.platform.projections;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The read side of a row that mirrors one aggregate: the sequence number of the last event applied and that event's
 * time. Projections write such rows as {@link VersionedRow}s, which hold the rule for applying an event once.
 */
@MappedSuperclass
public abstract class AggregateRow {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private long version;

    protected AggregateRow() {
        // JPA needs it
    }

    protected final long version() {
        return version;
    }

    protected final Instant updatedAt() {
        return updatedAt;
    }
}
