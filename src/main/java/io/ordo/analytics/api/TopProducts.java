package io.ordo.analytics.api;

import java.math.BigDecimal;
import java.util.List;

/** The top products twice: by units, and by revenue (per currency, as prices are). Ties go by product id. */
public record TopProducts(TimeWindow window, List<RankedProduct> byUnits, List<RankedProduct> byRevenue) {

    public TopProducts {
        byUnits = List.copyOf(byUnits);
        byRevenue = List.copyOf(byRevenue);
    }

    public record RankedProduct(String productId, String name, String currency, long units, BigDecimal revenue) {}
}
