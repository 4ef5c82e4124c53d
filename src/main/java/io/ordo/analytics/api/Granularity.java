package io.ordo.analytics.api;

import java.time.Duration;

/** The width of a bucket of sales, aligned to UTC, with the longest window that still gives a readable series. */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1), Duration.ofDays(1)),
    HOUR(Duration.ofHours(1), Duration.ofDays(31)),
    DAY(Duration.ofDays(1), TimeWindow.LONGEST);

    private final Duration width;
    private final Duration longestWindow;

    Granularity(Duration width, Duration longestWindow) {
        this.width = width;
        this.longestWindow = longestWindow;
    }

    public Duration width() {
        return width;
    }

    /** At most 1,440 minutes, 744 hours or 366 days in one series. */
    public Duration longestWindow() {
        return longestWindow;
    }
}
