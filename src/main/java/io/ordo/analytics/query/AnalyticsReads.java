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
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures as SQL over the analytics tables, the same on H2 and PostgreSQL: times are epoch milliseconds, so a
 * bucket is {@code placed_ms - mod(placed_ms, width)} and a step's time a subtraction; percentiles are
 * {@code percentile_disc}, exact. A window selects orders by {@code placed_ms} (indexed). "Kept" orders are those not
 * cancelled or rejected: revenue counts only them.
 */
final class AnalyticsReads {

    private static final int MAX_EXITS = 50;
    private static final String KEPT_REVENUE = "coalesce(sum(case when exit_kind is null then total end), 0)";
    private static final String LOST = "sum(case when exit_kind is null then 0 else 1 end)";
    private static final String IN_WINDOW = " placed_ms >= ? and placed_ms < ? ";

    private final JdbcTemplate jdbc;

    AnalyticsReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AnalyticsSummary summary(TimeWindow window) {
        List<AnalyticsSummary.CurrencyFigures> currencies = jdbc.query(
                "select currency, count(*) as order_count, " + LOST + " as lost, " + KEPT_REVENUE + " as revenue"
                        + " from analytics_order where" + IN_WINDOW + "group by currency order by currency",
                (row, n) -> {
                    long orders = row.getLong("order_count");
                    long lost = row.getLong("lost");
                    BigDecimal revenue = money(row.getBigDecimal("revenue"));
                    return new AnalyticsSummary.CurrencyFigures(
                            row.getString("currency"), orders, lost, revenue, average(revenue, orders - lost));
                },
                from(window),
                to(window));
        long[] counts = jdbc.queryForObject(
                "select count(*), count(delivered_ms) from analytics_order where" + IN_WINDOW,
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)},
                from(window),
                to(window));
        return new AnalyticsSummary(window, counts[0], counts[1], share(counts[1], counts[0]), currencies);
    }

    SalesFigures sales(TimeWindow window, Granularity granularity) {
        List<SalesFigures.SalesBucket> buckets = jdbc.query(
                "select bucket, currency, count(*) as order_count, " + LOST + " as lost, " + KEPT_REVENUE
                        + " as revenue from (select placed_ms - mod(placed_ms, ?) as bucket, currency, exit_kind, total"
                        + " from analytics_order where" + IN_WINDOW + ") placed"
                        + " group by bucket, currency order by bucket, currency",
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
                granularity.width().toMillis(),
                from(window),
                to(window));
        return new SalesFigures(window, granularity, buckets);
    }

    TopProducts topProducts(TimeWindow window, int limit) {
        String select = "select l.product_id, max(l.product_name) as name, o.currency, sum(l.quantity) as units,"
                + " sum(l.quantity * l.unit_price) as revenue"
                + " from analytics_order_line l join analytics_order o on o.order_id = l.order_id"
                + " where o.placed_ms >= ? and o.placed_ms < ? and o.exit_kind is null and l.quantity > 0"
                + " group by l.product_id, o.currency order by ";
        return new TopProducts(
                window,
                jdbc.query(
                        select + "units desc, l.product_id, o.currency limit ?",
                        AnalyticsReads::product,
                        from(window),
                        to(window),
                        limit),
                jdbc.query(
                        select + "revenue desc, l.product_id, o.currency limit ?",
                        AnalyticsReads::product,
                        from(window),
                        to(window),
                        limit));
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
        long[] reached = jdbc.queryForObject(
                "select count(*), count(coalesce(confirmed_ms, paid_ms, shipped_ms, delivered_ms)),"
                        + " count(coalesce(paid_ms, shipped_ms, delivered_ms)), count(coalesce(shipped_ms, delivered_ms)),"
                        + " count(delivered_ms) from analytics_order where" + IN_WINDOW,
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)},
                from(window),
                to(window));
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
                "select exit_kind, exit_from, exit_reason, count(*) as order_count from analytics_order where"
                        + IN_WINDOW + "and exit_kind is not null group by exit_kind, exit_from, exit_reason"
                        + " order by order_count desc, exit_kind, exit_from, exit_reason limit " + MAX_EXITS,
                (row, n) -> new Funnel.FunnelExit(
                        row.getString("exit_kind"),
                        row.getString("exit_from"),
                        row.getString("exit_reason"),
                        row.getLong("order_count")),
                from(window),
                to(window));
        return new Funnel(window, stages, exits);
    }

    FulfilmentTimes fulfilmentTimes(TimeWindow window) {
        String[][] steps = {
            {"CONFIRMED", "PAID", "paid_ms - confirmed_ms"},
            {"PAID", "SHIPPED", "shipped_ms - paid_ms"},
            {"SHIPPED", "DELIVERED", "delivered_ms - shipped_ms"}
        };
        StringBuilder select = new StringBuilder("select ");
        for (String[] step : steps) {
            select.append("count(")
                    .append(step[2])
                    .append("), percentile_disc(0.5) within group (order by ")
                    .append(step[2])
                    .append("), percentile_disc(0.95) within group (order by ")
                    .append(step[2])
                    .append("), ");
        }
        select.setLength(select.length() - 2);
        select.append(" from analytics_order where").append(IN_WINDOW);
        return jdbc.queryForObject(
                select.toString(),
                (row, n) -> {
                    List<FulfilmentTimes.StepTime> found = new ArrayList<>();
                    for (int i = 0; i < steps.length; i++) {
                        found.add(new FulfilmentTimes.StepTime(
                                steps[i][0],
                                steps[i][1],
                                row.getLong(3 * i + 1),
                                millis(row, 3 * i + 2),
                                millis(row, 3 * i + 3)));
                    }
                    return new FulfilmentTimes(window, found);
                },
                from(window),
                to(window));
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

    private static long from(TimeWindow window) {
        return window.from().toEpochMilli();
    }

    private static long to(TimeWindow window) {
        return window.to().toEpochMilli();
    }
}
