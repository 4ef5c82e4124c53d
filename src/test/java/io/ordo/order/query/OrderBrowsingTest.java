package io.ordo.order.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.BrowseOrders;
import io.ordo.order.api.queries.OrderCursor;
import io.ordo.order.api.queries.OrderSlice;
import io.ordo.order.api.queries.OrderSummaryView;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Keyset paging over a list of 100,000 orders (the size the console must serve a page of in under 300 ms): every order
 * exactly once across pages, in order, and each query shape read from an index in its order, not sorted whole. Plain
 * JDBC on an in-memory H2 with the real migrations; no Spring context.
 */
class OrderBrowsingTest {

    private static final int ORDERS = 100_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CUSTOMER = "customer-7";

    private static JdbcTemplate jdbc;
    private static OrderBrowsing browsing;

    @BeforeAll
    static void aHundredThousandOrders() {
        DriverManagerDataSource database =
                new DriverManagerDataSource("jdbc:h2:mem:browsing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(database);
        // every tenth order shares its instant with the one before: ties must be told apart by id
        jdbc.update(("insert into order_summary (order_id, customer_id, status, line_count, total, currency, placed_at,"
                        + " updated_at, version)"
                        + " select 'order-' || x, 'customer-' || mod(x, 1000), case mod(x, 4) when 0 then 'PLACED'"
                        + " when 1 then 'CONFIRMED' when 2 then 'SHIPPED' else 'DELIVERED' end, 1, 9.50, 'EUR',"
                        + " dateadd(second, x - x / 10, %1$s), dateadd(second, x - x / 10, %1$s), 0"
                        + " from system_range(0, %2$d)")
                .formatted("timestamp with time zone '2026-01-01 00:00:00+00'", ORDERS - 1));
        jdbc.execute("analyze");
        browsing = new OrderBrowsing(jdbc);
    }

    @Test
    void theFirstPageIsTheNewestOrders() {
        OrderSlice page = browsing.handle(new BrowseOrders(null, null, null, 25));

        assertThat(page.orders()).hasSize(25);
        assertThat(page.orders().get(0).orderId()).isEqualTo("order-" + (ORDERS - 1));
        assertThat(page.next()).isEqualTo(OrderCursor.after(page.orders().get(24)));
    }

    @Test
    void pagingOnShowsEachOfACustomersOrdersOnceNewestFirst() {
        List<OrderSummaryView> seen = new ArrayList<>();
        OrderCursor after = null;
        do {
            OrderSlice page = browsing.handle(new BrowseOrders(null, CUSTOMER, after, 7));
            seen.addAll(page.orders());
            after = page.next();
        } while (after != null);

        List<String> expected = jdbc.queryForList(
                "select order_id from order_summary where customer_id = ? order by placed_at desc, order_id desc",
                String.class,
                CUSTOMER);
        assertThat(seen).extracting(OrderSummaryView::orderId).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(ORDERS / 1000);
    }

    @Test
    void pagingOnAcrossOrdersPlacedAtTheSameInstantSkipsNoneAndRepeatsNone() {
        List<String> seen = new ArrayList<>();
        OrderCursor after = null;
        for (int i = 0; i < 20; i++) {
            OrderSlice page = browsing.handle(new BrowseOrders(null, null, after, 3));
            page.orders().forEach(order -> seen.add(order.orderId()));
            after = page.next();
        }

        List<String> expected = jdbc.queryForList(
                "select order_id from order_summary order by placed_at desc, order_id desc fetch first 60 rows only",
                String.class);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aStatusFilterShowsOnlyThatStatus() {
        OrderSlice page = browsing.handle(new BrowseOrders(OrderStatus.SHIPPED, null, null, 50));

        assertThat(page.orders())
                .hasSize(50)
                .allSatisfy(order -> assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED));
        assertThat(page.orders().get(0).total()).isEqualByComparingTo(new BigDecimal("9.50"));
    }

    /** What makes a page cheap at any depth: the database reads the index in the page's order and stops. */
    @Test
    void everyQueryShapeReadsAnIndexInItsOrder() {
        Timestamp instant = Timestamp.from(START.plusSeconds(50_000));
        String cursor = " and placed_at <= ? and (placed_at < ? or order_id < ?)";
        String order = "placed_at desc, order_id desc fetch first 26 rows only";
        String select = "explain select order_id from order_summary where 1 = 1";

        assertThat(plan(select + " order by " + order)).contains("IX_ORDER_SUMMARY_NEWEST", "index sorted");
        assertThat(plan(select + cursor + " order by " + order, instant, instant, "order-50000"))
                .contains("IX_ORDER_SUMMARY_NEWEST", "index sorted");
        assertThat(plan(
                        select + " and status = ?" + cursor + " order by status desc, " + order,
                        "SHIPPED",
                        instant,
                        instant,
                        "order-50000"))
                .contains("IX_ORDER_SUMMARY_STATUS_NEWEST", "index sorted");
        assertThat(plan(
                        select + " and status = ? and customer_id = ? order by customer_id desc, " + order,
                        "SHIPPED",
                        CUSTOMER))
                .as("a customer's orders are few: an index of theirs in placing order, ties sorted at most")
                .contains("IX_ORDER_SUMMARY_CUSTOMER", "index sorted");
    }

    private static String plan(String sql, Object... arguments) {
        return String.join("\n", jdbc.queryForList(sql, String.class, arguments));
    }
}
