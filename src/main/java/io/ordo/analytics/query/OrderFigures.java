package io.ordo.analytics.query;

import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** A row of {@code analytics_order}: an order's customer, total and the time (epoch ms) of each step it reached. */
final class OrderFigures extends VersionedRow {

    private final String orderId;
    private final String customerId;
    private final String currency;
    private BigDecimal total;
    private final long placedMs;
    private Long confirmedMs;
    private Long paidMs;
    private Long shippedMs;
    private Long deliveredMs;
    private String exitKind;
    private String exitFrom;
    private String exitReason;

    OrderFigures(String orderId, String customerId, String currency, BigDecimal total, Instant placedAt, long version) {
        super(version, placedAt);
        this.orderId = orderId;
        this.customerId = customerId;
        this.currency = currency;
        this.total = total;
        this.placedMs = placedAt.toEpochMilli();
    }

    static RowTable<OrderFigures> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "analytics_order",
                List.of(
                        "order_id",
                        "customer_id",
                        "currency",
                        "total",
                        "placed_ms",
                        "confirmed_ms",
                        "paid_ms",
                        "shipped_ms",
                        "delivered_ms",
                        "exit_kind",
                        "exit_from",
                        "exit_reason",
                        "updated_at",
                        "version"),
                OrderFigures::read,
                row -> new Object[] {
                    row.orderId,
                    row.customerId,
                    row.currency,
                    row.total,
                    row.placedMs,
                    nullableLong(row.confirmedMs),
                    nullableLong(row.paidMs),
                    nullableLong(row.shippedMs),
                    nullableLong(row.deliveredMs),
                    row.exitKind,
                    row.exitFrom,
                    row.exitReason,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static OrderFigures read(ResultSet row, int number) throws SQLException {
        OrderFigures order = new OrderFigures(
                row.getString("order_id"),
                row.getString("customer_id"),
                row.getString("currency"),
                row.getBigDecimal("total"),
                Instant.ofEpochMilli(row.getLong("placed_ms")),
                row.getLong("version"));
        order.confirmedMs = row.getObject("confirmed_ms", Long.class);
        order.paidMs = row.getObject("paid_ms", Long.class);
        order.shippedMs = row.getObject("shipped_ms", Long.class);
        order.deliveredMs = row.getObject("delivered_ms", Long.class);
        order.exitKind = row.getString("exit_kind");
        order.exitFrom = row.getString("exit_from");
        order.exitReason = row.getString("exit_reason");
        return order;
    }

    /** A null Long as a typed SQL null: PostgreSQL's driver cannot tell the type of an untyped one in a batch. */
    private static Object nullableLong(Long value) {
        return value == null ? new SqlParameterValue(Types.BIGINT, null) : value;
    }

    /** What the order adds to the buckets, as it stands now ({@link OrderBuckets}). */
    Facts facts() {
        return new Facts(
                orderId,
                currency,
                total,
                placedMs,
                confirmedMs,
                paidMs,
                shippedMs,
                deliveredMs,
                exitKind,
                exitFrom,
                exitReason);
    }

    /** A copy of an order's figures at one moment: the row changes in place as events apply. */
    record Facts(
            String orderId,
            String currency,
            BigDecimal total,
            long placedMs,
            Long confirmedMs,
            Long paidMs,
            Long shippedMs,
            Long deliveredMs,
            String exitKind,
            String exitFrom,
            String exitReason) {

        /** Not cancelled or rejected: its revenue and lines count. */
        boolean kept() {
            return exitKind == null;
        }
    }

    void totalChanged(BigDecimal total) {
        this.total = total;
    }

    void confirmed(Instant at) {
        confirmedMs = at.toEpochMilli();
    }

    void paid(Instant at) {
        paidMs = at.toEpochMilli();
    }

    void shipped(Instant at) {
        shippedMs = at.toEpochMilli();
    }

    void delivered(Instant at) {
        deliveredMs = at.toEpochMilli();
    }

    void left(String kind, String fromStatus, String reason) {
        exitKind = kind;
        exitFrom = fromStatus;
        exitReason = reason;
    }

    /** The status the order is in by the steps it reached, for the funnel exit of a rejection (which names none). */
    String status() {
        if (deliveredMs != null) {
            return "DELIVERED";
        }
        if (shippedMs != null) {
            return "SHIPPED";
        }
        if (paidMs != null) {
            return "PAID";
        }
        return confirmedMs != null ? "CONFIRMED" : "PLACED";
    }
}
