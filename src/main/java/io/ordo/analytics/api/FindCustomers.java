package io.ordo.analytics.api;

/** Customers by revenue in the window (most first); with {@code customerId}, that customer only. */
public record FindCustomers(TimeWindow window, String customerId, int limit) {

    public static final int MAX_LIMIT = 100;

    public FindCustomers {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
