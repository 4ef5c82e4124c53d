package io.ordo.order.query;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.StockStatus;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.projections.AggregateRow;
import io.ordo.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The whole order with its lines, address and shipment, for {@code GET /api/orders/{id}}. */
@Entity
@Table(name = "order_detail")
class OrderDetail extends AggregateRow {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "sales_channel", nullable = false, length = 16)
    private String salesChannel;

    // a VARCHAR, not a database enum type, so a new status needs no schema change
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private OrderStatus status;

    @Column(nullable = false, length = 3)
    private String currency;

    @ElementCollection
    @CollectionTable(name = "order_detail_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderDetailLine> lines = new ArrayList<>();

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Embedded
    private OrderDetailAddress shippingAddress;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "cancellation_reason", length = 500)
    private String cancellationReason;

    @Column(name = "rejection_reason", length = 500)
    private String rejectionReason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "payment_status", length = 16)
    private PaymentStatus paymentStatus;

    // null for rows written before fulfilment existed: read as NOT_RESERVED
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "stock_status", length = 16)
    private StockStatus stockStatus;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected OrderDetail() {
        // JPA needs it; rows are written by OrderDetailRow
    }

    OrderView toView() {
        return new OrderView(
                orderId,
                customerId,
                salesChannel,
                status,
                currency,
                lines.stream().map(line -> line.toLine(currency)).toList(),
                Money.of(total, currency).amount(),
                shippingAddress.toAddress(),
                carrier == null ? null : new OrderView.Shipment(carrier, trackingNumber),
                cancellationReason,
                rejectionReason,
                paymentStatus,
                stockStatus == null ? StockStatus.NOT_RESERVED : stockStatus,
                placedAt,
                updatedAt(),
                version());
    }
}
