package io.ordo.analytics.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The key figures of a window. {@code conversion} is the share of the orders placed that were delivered (0 to 1, four
 * decimals; 0 without orders); per currency, the figures mean what {@link SalesFigures} says.
 */
public record AnalyticsSummary(
        TimeWindow window, long orders, long delivered, BigDecimal conversion, List<CurrencyFigures> currencies) {

    public AnalyticsSummary {
        currencies = List.copyOf(currencies);
    }

    public record CurrencyFigures(
            String currency, long orders, long lost, BigDecimal revenue, BigDecimal averageOrderValue) {}
}
