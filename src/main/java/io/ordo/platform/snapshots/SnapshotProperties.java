package io.ordo.platform.snapshots;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.snapshots.*}: an aggregate is snapshotted once {@code threshold} events have been loaded or applied since
 * its last snapshot, so a load reads at most that many events after it.
 */
@ConfigurationProperties("ordo.snapshots")
public record SnapshotProperties(@DefaultValue("100") int threshold) {

    public SnapshotProperties {
        if (threshold < 2) {
            // a snapshot replaces the events before it; below two it would replace nothing
            throw new IllegalArgumentException("ordo.snapshots.threshold must be at least 2, was " + threshold);
        }
    }
}
