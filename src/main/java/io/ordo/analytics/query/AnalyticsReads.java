package io.ordo.analytics.query;

import io.ordo.analytics.api.AnalyticsSummary;
import io.ordo.analytics.api.CustomerFigures;
import io.ordo.analytics.api.FulfilmentTimes;
import io.ordo.analytics.api.Funnel;
import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.api.SalesFigures;
import io.ordo.analytics.api.StockAlerts;
import io.ordo.analytics.api.TimeWindow;
import io.ordo.analytics.api.TopProducts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The figures as SQL, the same on H2 and PostgreSQL. Window figures are sums over the pre-summed buckets the
 * projection keeps ({@link OrderBuckets}), a window in whole minutes covered by the fewest rows ({@link BucketRanges}),
 * so their cost does not grow with the orders in the window; counts and revenue are exact, percentiles within 0.4 %
 * ({@link TimeBins}). Per customer figures read the orders of the window by an index. "Kept" orders are those not
 * cancelled or rejected: revenue counts only them.
 */
final class AnalyticsReads {

    private static final int MAX_EXITS = 50;
    private static final String KEPT_REVENUE = "coalesce(sum(case when exit_kind is null then total end), 0)";
    private static final String IN_WINDOW = " placed_ms >= ? and placed_ms < ? ";

    private final JdbcTemplate jdbc;

    AnalyticsReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AnalyticsSummary summary(TimeWindow window) {
        BucketRanges in = BucketRanges.of(window);
        List<AnalyticsSummary.CurrencyFigures> currencies = jdbc.query(
                "select currency, sum(orders) as order_count, sum(lost) as lost, sum(revenue) as revenue"
                        + " from " + in.rows("analytics_sales_bucket") + " group by currency"
                        + " having sum(orders) > 0 order by currency",
                (row, n) -> {
                    long orders = row.getLong("order_count");
                    long lost = row.getLong("lost");
                    BigDecimal revenue = money(row.getBigDecimal("revenue"));
                    return new AnalyticsSummary.CurrencyFigures(
                            row.getString("currency"), orders, lost, revenue, average(revenue, orders - lost));
                },
                in.parameters());
        long[] counts = jdbc.queryForObject(
                "select coalesce(sum(orders), 0), coalesce(sum(delivered), 0) from "
                        + in.rows("analytics_sales_bucket"),
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)},
                in.parameters());
        return new AnalyticsSummary(window, counts[0], counts[1], share(counts[1], counts[0]), currencies);
    }

    SalesFigures sales(TimeWindow window, Granularity granularity) {
        long width = granularity.width().toMillis();
        BucketRanges in = BucketRanges.of(window, width);
        List<SalesFigures.SalesBucket> buckets = jdbc.query(
                "select bucket, currency, sum(orders) as order_count, sum(lost) as lost, sum(revenue) as revenue"
                        + " from (select bucket_ms - mod(bucket_ms, ?) as bucket, currency, orders, lost, revenue"
                        + " from " + in.rows("analytics_sales_bucket") + ") placed"
                        + " group by bucket, currency having sum(orders) > 0 order by bucket, currency",
                (row, n) -> {
                    long orders = row.getLong("order_count");
                    long lost = row.getLong("lost");
                    BigDecimal revenue = money(row.getBigDecimal("revenue"));
                    return new SalesFigures.SalesBucket(
                            Instant.ofEpochMilli(row.getLong("bucket")),
                            row.getString("currency"),
                            orders,
                            lost,
                            revenue,
                            average(revenue, orders - lost));
                },
                prepend(width, in.parameters()));
        return new SalesFigures(window, granularity, buckets);
    }

    TopProducts topProducts(TimeWindow window, int limit) {
        BucketRanges in = BucketRanges.of(window);
        String select = "select product_id, max(product_name) as name, currency, sum(units) as units,"
                + " sum(revenue) as revenue from " + in.rows("analytics_product_bucket")
                + " group by product_id, currency having sum(units) > 0 order by ";
        return new TopProducts(
                window,
                jdbc.query(
                        select + "units desc, product_id, currency limit ?",
                        AnalyticsReads::product,
                        in.parameters(limit)),
                jdbc.query(
                        select + "revenue desc, product_id, currency limit ?",
                        AnalyticsReads::product,
                        in.parameters(limit)));
    }

    StockAlerts stockAlerts(int lowBelow, int limit) {
        String select = "select product_id, name, available, reserved from analytics_stock where not discontinued and ";
        return new StockAlerts(
                lowBelow,
                jdbc.query(
                        select + "available < ? order by available, product_id limit ?",
                        AnalyticsReads::stock,
                        lowBelow,
                        limit),
                jdbc.query(
                        select + "available = 0 and reserved > 0 order by reserved desc, product_id limit ?",
                        AnalyticsReads::stock,
                        limit));
    }

    /** A step counts every order that reached it or a later one (an order confirmed before payments shipped unpaid). */
    Funnel funnel(TimeWindow window) {
        BucketRanges in = BucketRanges.of(window);
        long[] reached = jdbc.queryForObject(
                "select coalesce(sum(orders), 0), coalesce(sum(confirmed), 0), coalesce(sum(paid), 0),"
                        + " coalesce(sum(shipped), 0), coalesce(sum(delivered), 0) from "
                        + in.rows("analytics_sales_bucket"),
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)},
                in.parameters());
        String[] steps = {"PLACED", "CONFIRMED", "PAID", "SHIPPED", "DELIVERED"};
        List<Funnel.FunnelStage> stages = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            stages.add(new Funnel.FunnelStage(
                    steps[i],
                    reached[i],
                    share(reached[i], reached[Math.max(0, i - 1)]),
                    share(reached[i], reached[0])));
        }
        List<Funnel.FunnelExit> exits = jdbc.query(
                "select exit_kind, exit_from, exit_reason, sum(orders) as order_count from "
                        + in.rows("analytics_exit_bucket")
                        + " group by exit_kind, exit_from, exit_reason having sum(orders) > 0"
                        + " order by order_count desc, exit_kind, exit_from, exit_reason limit " + MAX_EXITS,
                (row, n) -> new Funnel.FunnelExit(
                        row.getString("exit_kind"),
                        row.getString("exit_from"),
                        row.getString("exit_reason"),
                        row.getLong("order_count")),
                in.parameters());
        return new Funnel(window, stages, exits);
    }

    /**
     * Nearest-rank percentiles over the histogram of each step's times ({@link TimeBins}): the bin holding the rank,
     * answered with its middle, within 0.4 % of the exact value.
     */
    FulfilmentTimes fulfilmentTimes(TimeWindow window) {
        BucketRanges in = BucketRanges.of(window);
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        jdbc.query(
                "select step, bin_ms, sum(orders) as order_count from " + in.rows("analytics_time_bucket")
                        + " group by step, bin_ms",
                (RowCallbackHandler) row -> histograms
                        .computeIfAbsent(row.getString("step"), step -> new TreeMap<>())
                        .merge(row.getLong("bin_ms"), row.getLong("order_count"), Long::sum),
                in.parameters());
        List<FulfilmentTimes.StepTime> found = new ArrayList<>();
        for (String[] step : OrderBuckets.STEPS) {
            TreeMap<Long, Long> bins = histograms.getOrDefault(step[0], new TreeMap<>());
            long count = bins.values().stream().mapToLong(Long::longValue).sum();
            found.add(new FulfilmentTimes.StepTime(
                    step[0], step[1], count, percentile(bins, count, 0.5), percentile(bins, count, 0.95)));
        }
        return new FulfilmentTimes(window, found);
    }

    private static Long percentile(TreeMap<Long, Long> bins, long count, double fraction) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (Map.Entry<Long, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return TimeBins.representative(bin.getKey());
            }
        }
        return TimeBins.representative(bins.lastKey());
    }

    CustomerFigures customers(TimeWindow window, String customerId, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(from(window), to(window)));
        String oneCustomer = "";
        if (customerId != null) {
            oneCustomer = "and customer_id = ? ";
            parameters.add(customerId);
        }
        parameters.add(limit);
        return new CustomerFigures(
                window,
                jdbc.query(
                        "select customer_id, currency, count(*) as order_count, " + KEPT_REVENUE + " as revenue,"
                                + " min(placed_ms) as first_ms, max(placed_ms) as last_ms from analytics_order where"
                                + IN_WINDOW + oneCustomer + "group by customer_id, currency"
                                + " order by revenue desc, order_count desc, customer_id, currency limit ?",
                        (row, n) -> new CustomerFigures.CustomerTotals(
                                row.getString("customer_id"),
                                row.getString("currency"),
                                row.getLong("order_count"),
                                money(row.getBigDecimal("revenue")),
                                Instant.ofEpochMilli(row.getLong("first_ms")),
                                Instant.ofEpochMilli(row.getLong("last_ms"))),
                        parameters.toArray()));
    }

    private static TopProducts.RankedProduct product(ResultSet row, int number) throws SQLException {
        return new TopProducts.RankedProduct(
                row.getString("product_id"),
                row.getString("name"),
                row.getString("currency"),
                row.getLong("units"),
                money(row.getBigDecimal("revenue")));
    }

    private static StockAlerts.StockLevel stock(ResultSet row, int number) throws SQLException {
        return new StockAlerts.StockLevel(
                row.getString("product_id"), row.getString("name"), row.getInt("available"), row.getInt("reserved"));
    }

    private static Long millis(ResultSet row, int column) throws SQLException {
        Number value = (Number) row.getObject(column);
        return value == null ? null : value.longValue();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal average(BigDecimal revenue, long orders) {
        return orders == 0
                ? money(BigDecimal.ZERO)
                : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN);
    }

    /** {@code part / whole} with four decimals, 0 when there is no whole. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static long from(TimeWindow window) {
        return window.from().toEpochMilli();
    }

    private static long to(TimeWindow window) {
        return window.to().toEpochMilli();
    }
}
