package io.ordo.shared;

import java.time.Instant;

/**
 * A point in an aggregate's history: just after the event with sequence number {@code version}, or at the instant
 * {@code at}, where the history ends with the last event recorded at or before it. Exactly one of the two is given.
 */
public record AsOf(Long version, Instant at) {

    public AsOf {
        if ((version == null) == (at == null)) {
            throw new IllegalArgumentException("give exactly one of version and at");
        }
        if (version != null && version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
    }

    public static AsOf version(long version) {
        return new AsOf(version, null);
    }

    public static AsOf at(Instant at) {
        return new AsOf(null, at);
    }

    /** Whether the event with this sequence number and timestamp had happened by this point. */
    public boolean includes(long sequenceNumber, Instant timestamp) {
        return version != null ? sequenceNumber <= version : !timestamp.isAfter(at);
    }

    /** Whether a history whose last included event has this sequence number reaches this point at all. */
    public boolean isReachedBy(long lastSequenceNumber) {
        return version == null || lastSequenceNumber >= version;
    }

    @Override
    public String toString() {
        return version != null ? "version " + version : at.toString();
    }
}
