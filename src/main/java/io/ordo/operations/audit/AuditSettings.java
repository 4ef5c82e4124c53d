package io.ordo.operations.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.audit.*}: how a projection audit runs.
 *
 * @param maxDifferences differences listed in an audit's result (all are counted)
 * @param liveTimeout how long an audit waits for the live processor to reach the position it compares at
 * @param batchSize events per transaction while the shadow tables are rebuilt
 * @param rechecks how often the rows of aggregates that changed during the comparison are compared again
 */
@ConfigurationProperties("ordo.audit")
public record AuditSettings(
        @DefaultValue("100") int maxDifferences,
        @DefaultValue("2m") Duration liveTimeout,
        @DefaultValue("500") int batchSize,
        @DefaultValue("3") int rechecks) {

    /** Differences held in memory while re-checking; past it the audit only counts (the read model is far off). */
    static final int HELD_DIFFERENCES = 10_000;

    public AuditSettings {
        require(maxDifferences, 1, 1_000, "max-differences");
        require(batchSize, 1, 10_000, "batch-size");
        require(rechecks, 0, 10, "rechecks");
        if (liveTimeout.isNegative() || liveTimeout.isZero()) {
            throw new IllegalArgumentException("ordo.audit.live-timeout must be positive, was " + liveTimeout);
        }
    }

    int heldDifferences() {
        return Math.max(HELD_DIFFERENCES, maxDifferences);
    }

    private static void require(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "ordo.audit." + name + " must be from " + min + " to " + max + ", was " + value);
        }
    }
}
