package io.ordo.order.query;

import io.ordo.order.api.OrderStatus;
import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code order_summary} as the projection writes it; {@link OrderSummary} reads it. */
final class OrderSummaryRow extends VersionedRow {

    private final String orderId;
    private final String customerId;
    private OrderStatus status;
    private int lineCount;
    private BigDecimal total;
    private final String currency;
    private final Instant placedAt;

    OrderSummaryRow(
            String orderId,
            String customerId,
            OrderStatus status,
            int lineCount,
            BigDecimal total,
            String currency,
            Instant placedAt,
            Instant updatedAt,
            long version) {
        super(version, updatedAt);
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = status;
        this.lineCount = lineCount;
        this.total = total;
        this.currency = currency;
        this.placedAt = placedAt;
    }

    static RowTable<OrderSummaryRow> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "order_summary",
                List.of(
                        "order_id",
                        "customer_id",
                        "status",
                        "line_count",
                        "total",
                        "currency",
                        "placed_at",
                        "updated_at",
                        "version"),
                OrderSummaryRow::read,
                row -> new Object[] {
                    row.orderId,
                    row.customerId,
                    row.status,
                    row.lineCount,
                    row.total,
                    row.currency,
                    row.placedAt,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static OrderSummaryRow read(ResultSet row, int number) throws SQLException {
        return new OrderSummaryRow(
                row.getString("order_id"),
                row.getString("customer_id"),
                OrderStatus.valueOf(row.getString("status")),
                row.getInt("line_count"),
                row.getBigDecimal("total"),
                row.getString("currency"),
                RowTable.instant(row, "placed_at"),
                RowTable.instant(row, "updated_at"),
                row.getLong("version"));
    }

    void linesChanged(int lineCount, BigDecimal total) {
        this.lineCount = lineCount;
        this.total = total;
    }

    void totalChanged(BigDecimal total) {
        this.total = total;
    }

    void statusChanged(OrderStatus status) {
        this.status = status;
    }
}
