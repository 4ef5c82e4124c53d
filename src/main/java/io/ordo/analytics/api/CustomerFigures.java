package io.ordo.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Per customer and currency: the orders placed in the window, the revenue of those not cancelled or rejected, and the
 * first and last order's placement in the window.
 */
public record CustomerFigures(TimeWindow window, List<CustomerTotals> customers) {

    public CustomerFigures {
        customers = List.copyOf(customers);
    }

    public record CustomerTotals(
            String customerId,
            String currency,
            long orders,
            BigDecimal revenue,
            Instant firstOrderAt,
            Instant lastOrderAt) {}
}
