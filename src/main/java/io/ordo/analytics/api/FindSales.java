package io.ordo.analytics.api;

/** Orders, revenue and average order value per currency, in buckets of {@code granularity}. */
public record FindSales(TimeWindow window, Granularity granularity) {

    public FindSales {
        if (window.length().compareTo(granularity.longestWindow()) > 0) {
            throw new IllegalArgumentException(
                    "a series by " + granularity.name().toLowerCase() + " spans at most "
                            + granularity.longestWindow().toDays() + " days");
        }
    }
}
