package io.ordo.analytics.api;

/** The products ordered most, by units and by revenue, in orders not cancelled or rejected. */
public record FindTopProducts(TimeWindow window, int limit) {

    public static final int MAX_LIMIT = 100;

    public FindTopProducts {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
