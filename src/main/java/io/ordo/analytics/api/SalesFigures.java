package io.ordo.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Sales per bucket and currency, oldest first; buckets without orders are left out. {@code orders} counts every order
 * placed in the bucket, {@code lost} those of them cancelled or rejected since; {@code revenue} is the total of the
 * others and {@code averageOrderValue} their mean.
 */
public record SalesFigures(TimeWindow window, Granularity granularity, List<SalesBucket> buckets) {

    public SalesFigures {
        buckets = List.copyOf(buckets);
    }

    public record SalesBucket(
            Instant start, String currency, long orders, long lost, BigDecimal revenue, BigDecimal averageOrderValue) {}
}
