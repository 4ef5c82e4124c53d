package io.ordo.order.query;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.BrowseOrders;
import io.ordo.order.api.queries.OrderCursor;
import io.ordo.order.api.queries.OrderSlice;
import io.ordo.order.api.queries.OrderSummaryView;
import io.ordo.platform.roles.QuerySide;
import io.ordo.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages through the order list by keyset, newest first: each page starts below the last order of the one before (its
 * placing time, then its id), so the database walks an index from there and stops after one page more than asked
 * (to know whether there is a next). The filters are equalities on the leading columns of the same indexes (V13).
 */
@QuerySide
@Component
class OrderBrowsing {

    private static final String COLUMNS =
            "order_id, customer_id, status, line_count, total, currency, placed_at, updated_at, version";
    private static final String NEWEST_FIRST = "placed_at desc, order_id desc";
    /** The plain {@code placed_at <= ?} gives the planner a range on the index; the rest breaks ties by id. */
    private static final String BELOW_CURSOR = " and placed_at <= ? and (placed_at < ? or order_id < ?)";

    private final JdbcTemplate jdbc;

    OrderBrowsing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OrderSlice handle(BrowseOrders query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from order_summary where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" and status = ?");
            arguments.add(query.status().name());
        }
        if (query.customerId() != null) {
            sql.append(" and customer_id = ?");
            arguments.add(query.customerId());
        }
        OrderCursor after = query.after();
        if (after != null) {
            OffsetDateTime placedAt = OffsetDateTime.ofInstant(after.placedAt(), ZoneOffset.UTC);
            sql.append(BELOW_CURSOR);
            arguments.addAll(List.of(placedAt, placedAt, after.orderId()));
        }
        sql.append(" order by ")
                .append(leadingColumn(query))
                .append(NEWEST_FIRST)
                .append(" fetch first ")
                .append(query.size() + 1)
                .append(" rows only");
        List<OrderSummaryView> rows = jdbc.query(sql.toString(), OrderBrowsing::view, arguments.toArray());
        if (rows.size() <= query.size()) {
            return new OrderSlice(rows, null);
        }
        List<OrderSummaryView> page = rows.subList(0, query.size());
        return new OrderSlice(List.copyOf(page), OrderCursor.after(page.get(page.size() - 1)));
    }

    /**
     * The filtered column leads the order too: it is the same value on every row, so the order is unchanged, but the
     * planner (H2's at least) then sees that the filter's index is already in this order and reads one page of it.
     * With both filters the customer's index is used, as the narrower one.
     */
    private static String leadingColumn(BrowseOrders query) {
        if (query.customerId() != null) {
            return "customer_id desc, ";
        }
        return query.status() != null ? "status desc, " : "";
    }

    private static OrderSummaryView view(ResultSet row, int number) throws SQLException {
        String currency = row.getString("currency");
        return new OrderSummaryView(
                row.getString("order_id"),
                row.getString("customer_id"),
                OrderStatus.valueOf(row.getString("status")),
                row.getInt("line_count"),
                Money.of(row.getBigDecimal("total"), currency).amount(),
                currency,
                row.getObject("placed_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }
}
