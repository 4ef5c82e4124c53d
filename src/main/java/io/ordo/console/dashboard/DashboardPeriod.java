package io.ordo.console.dashboard;

import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.api.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The periods the dashboard offers, each with the bucket width its sales chart is drawn in. */
enum DashboardPeriod {
    LAST_HOUR("1h", Duration.ofHours(1), Granularity.MINUTE),
    LAST_DAY("24h", Duration.ofHours(24), Granularity.HOUR),
    LAST_WEEK("7d", Duration.ofDays(7), Granularity.HOUR),
    LAST_MONTH("30d", Duration.ofDays(30), Granularity.DAY);

    /** The values of the {@code window} parameter, for validation. */
    static final String NAMES = "1h|24h|7d|30d";

    private final String name;
    private final Duration length;
    private final Granularity granularity;

    DashboardPeriod(String name, Duration length, Granularity granularity) {
        this.name = name;
        this.length = length;
        this.granularity = granularity;
    }

    static DashboardPeriod named(String name) {
        for (DashboardPeriod period : values()) {
            if (period.name.equals(name)) {
                return period;
            }
        }
        throw new IllegalArgumentException("no period " + name);
    }

    /**
     * The period up to now, its end rounded up to the next second: every dashboard refreshing on the same change asks
     * the same queries, which the analytics answer once for all of them.
     */
    TimeWindow endingAt(Instant now) {
        return TimeWindow.lastBefore(length, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    Granularity granularity() {
        return granularity;
    }
}
