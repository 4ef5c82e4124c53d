package io.ordo.analytics.api;

/** Products on sale whose available stock is under {@code lowBelow}, and those whose whole stock is reserved. */
public record FindStockAlerts(int lowBelow, int limit) {

    public static final int MAX_LIMIT = 100;

    public FindStockAlerts {
        if (lowBelow < 0) {
            throw new IllegalArgumentException("lowBelow must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
