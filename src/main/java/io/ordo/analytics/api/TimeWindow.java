package io.ordo.analytics.api;

import java.time.Duration;
import java.time.Instant;

/** The orders placed from {@code from} (inclusive) to {@code to} (exclusive); every analytics figure is about them. */
public record TimeWindow(Instant from, Instant to) {

    /** The longest window a query may ask for: a year and a day, so that a leap year's days all fit. */
    public static final Duration LONGEST = Duration.ofDays(366);

    public TimeWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a window needs both from and to");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a window spans at most " + LONGEST.toDays() + " days");
        }
    }

    public static TimeWindow lastBefore(Duration length, Instant to) {
        return new TimeWindow(to.minus(length), to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
