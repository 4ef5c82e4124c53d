package io.ordo.order.query;

import io.ordo.platform.projections.RowTable;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code customer_order} as the projection writes it; {@link CustomerOrder} reads it. Never changed. */
record CustomerOrderRow(String orderId, String customerId, Instant placedAt) {

    static RowTable<CustomerOrderRow> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "customer_order",
                List.of("order_id", "customer_id", "placed_at"),
                (row, number) -> new CustomerOrderRow(
                        row.getString("order_id"), row.getString("customer_id"), RowTable.instant(row, "placed_at")),
                row -> new Object[] {row.orderId, row.customerId, row.placedAt});
    }
}
