package io.ordo.analytics.api;

import java.util.List;

/**
 * Stock now, not in a window: {@code low} holds products with fewer than {@code lowBelow} units available (fewest
 * first), {@code fullyReserved} those with none available and some reserved for orders.
 */
public record StockAlerts(int lowBelow, List<StockLevel> low, List<StockLevel> fullyReserved) {

    public StockAlerts {
        low = List.copyOf(low);
        fullyReserved = List.copyOf(fullyReserved);
    }

    public record StockLevel(String productId, String name, int available, int reserved) {}
}
