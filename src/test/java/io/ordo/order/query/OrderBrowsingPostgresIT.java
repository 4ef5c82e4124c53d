package io.ordo.order.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.BrowseOrders;
import io.ordo.order.api.queries.OrderCursor;
import io.ordo.order.api.queries.OrderSlice;
import io.ordo.support.EmbeddedPostgresExtension;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The order list's keyset paging on PostgreSQL (the postgres profile): the same SQL, cursor types and migrations. */
class OrderBrowsingPostgresIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Test
    void pagesThroughEveryOrderOnceNewestFirstWithTiesAndFilters() {
        String url = POSTGRES.newDatabase();
        Flyway.configure()
                .dataSource(new DriverManagerDataSource(url, "postgres", "postgres"))
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        JdbcTemplate jdbc = POSTGRES.jdbc(url);
        // 2,000 orders, every tenth at the instant of the one before, four statuses, twenty customers
        jdbc.update("insert into order_summary (order_id, customer_id, status, line_count, total, currency, placed_at,"
                + " updated_at, version)"
                + " select 'order-' || x, 'customer-' || (x % 20), (array['PLACED', 'CONFIRMED', 'SHIPPED',"
                + " 'DELIVERED'])[x % 4 + 1], 1, 9.50, 'EUR',"
                + " timestamptz '2026-01-01 00:00:00+00' + (x - x / 10) * interval '1 second',"
                + " timestamptz '2026-01-01 00:00:00+00', 0 from generate_series(0, 1999) as x");
        OrderBrowsing browsing = new OrderBrowsing(jdbc);

        assertThat(allPages(browsing, null, null))
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select order_id from order_summary order by placed_at desc, order_id desc", String.class));
        assertThat(allPages(browsing, OrderStatus.SHIPPED, "customer-2"))
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select order_id from order_summary where status = 'SHIPPED' and customer_id = 'customer-2'"
                                + " order by placed_at desc, order_id desc",
                        String.class))
                .isNotEmpty();
    }

    private static List<String> allPages(OrderBrowsing browsing, OrderStatus status, String customerId) {
        List<String> seen = new ArrayList<>();
        OrderCursor after = null;
        do {
            OrderSlice page = browsing.handle(new BrowseOrders(status, customerId, after, 97));
            page.orders().forEach(order -> seen.add(order.orderId()));
            after = page.next();
        } while (after != null);
        return seen;
    }
}
