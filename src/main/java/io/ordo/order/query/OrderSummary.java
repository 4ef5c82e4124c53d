package io.ordo.order.query;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.OrderSummaryView;
import io.ordo.platform.projections.AggregateRow;
import io.ordo.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row per order for lists and filters; {@code version} is the sequence number of the last event applied. */
@Entity
@Table(
        name = "order_summary",
        indexes = {
            @Index(name = "ix_order_summary_placed", columnList = "placed_at"),
            @Index(name = "ix_order_summary_status", columnList = "status, placed_at"),
            @Index(name = "ix_order_summary_customer", columnList = "customer_id, placed_at")
        })
class OrderSummary extends AggregateRow {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    // a VARCHAR, not a database enum type, so a new status needs no schema change
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private OrderStatus status;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected OrderSummary() {
        // JPA needs it; rows are written by OrderSummaryRow
    }

    OrderSummaryView toView() {
        return new OrderSummaryView(
                orderId,
                customerId,
                status,
                lineCount,
                Money.of(total, currency).amount(),
                currency,
                placedAt,
                updatedAt(),
                version());
    }
}
