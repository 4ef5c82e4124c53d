package io.ordo.console.dashboard;

import io.ordo.analytics.api.Funnel;
import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.api.SalesFigures;
import io.ordo.analytics.api.TopProducts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's charts draw, shaped for ECharts: the sales series of one currency with every bucket of the
 * period (empty ones as zero, so time runs evenly), the funnel's steps and exits, the top products by revenue.
 */
record DashboardCharts(Sales sales, List<Step> funnel, List<Step> exits, List<Product> products) {

    record Sales(String currency, List<String> labels, List<Long> orders, List<BigDecimal> revenue) {}

    record Step(String name, long value) {}

    record Product(String name, long units, BigDecimal revenue) {}

    static DashboardCharts of(SalesFigures sales, String currency, Funnel funnel, TopProducts top) {
        return new DashboardCharts(
                series(sales, currency),
                funnel.stages().stream()
                        .map(stage -> new Step(label(stage.step()), stage.orders()))
                        .toList(),
                funnel.exits().stream()
                        .map(exit -> new Step(label(exit.kind()) + ": " + exit.reason(), exit.orders()))
                        .toList(),
                top.byRevenue().stream()
                        .filter(product -> product.currency().equals(currency))
                        .limit(6)
                        .map(product -> new Product(product.name(), product.units(), product.revenue()))
                        .toList());
    }

    private static Sales series(SalesFigures sales, String currency) {
        Granularity granularity = sales.granularity();
        long width = granularity.width().toMillis();
        Map<Long, SalesFigures.SalesBucket> byStart = new HashMap<>();
        sales.buckets().stream()
                .filter(bucket -> bucket.currency().equals(currency))
                .forEach(bucket -> byStart.put(bucket.start().toEpochMilli(), bucket));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(granularity == Granularity.DAY ? "dd MMM" : "HH:mm")
                .withZone(ZoneOffset.UTC);
        List<String> labels = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        List<BigDecimal> revenue = new ArrayList<>();
        long first = sales.window().from().toEpochMilli();
        for (long start = first - Math.floorMod(first, width);
                start < sales.window().to().toEpochMilli();
                start += width) {
            SalesFigures.SalesBucket bucket = byStart.get(start);
            labels.add(format.format(Instant.ofEpochMilli(start)));
            orders.add(bucket == null ? 0 : bucket.orders());
            revenue.add(bucket == null ? BigDecimal.ZERO : bucket.revenue());
        }
        return new Sales(currency, labels, orders, revenue);
    }

    private static String label(String code) {
        return code.charAt(0) + code.substring(1).toLowerCase().replace('_', ' ');
    }
}
