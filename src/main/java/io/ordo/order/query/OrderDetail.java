package io.ordo.order.query;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.ShippingAddress;
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
        // JPA needs it
    }

    OrderDetail(
            String orderId,
            String customerId,
            String salesChannel,
            String currency,
            List<OrderLine> lines,
            BigDecimal total,
            ShippingAddress shippingAddress,
            Instant placedAt,
            long version) {
        super(version, placedAt);
        this.orderId = orderId;
        this.customerId = customerId;
        this.salesChannel = salesChannel;
        this.status = OrderStatus.PLACED;
        this.currency = currency;
        lines.forEach(this::addLine);
        this.total = total;
        this.shippingAddress = OrderDetailAddress.of(shippingAddress);
        this.placedAt = placedAt;
    }

    void addLine(OrderLine line) {
        lines.add(OrderDetailLine.of(line));
    }

    void removeLine(String productId) {
        lines.removeIf(line -> line.productId().equals(productId));
    }

    void changeQuantity(String productId, int quantity) {
        lines.replaceAll(line -> line.productId().equals(productId) ? line.withQuantity(quantity) : line);
    }

    void totalChanged(BigDecimal total) {
        this.total = total;
    }

    void statusChanged(OrderStatus status) {
        this.status = status;
    }

    void shipped(String carrier, String trackingNumber) {
        this.status = OrderStatus.SHIPPED;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        if (stockStatus == StockStatus.RESERVED) {
            stockStatus = StockStatus.COMMITTED;
        }
    }

    void cancelled(String reason) {
        this.status = OrderStatus.CANCELLED;
        this.cancellationReason = reason;
        releaseStock();
    }

    /** An order confirmed before fulfilment existed never reserves stock; any other now waits for its reservation. */
    void confirmed(boolean confirmedBeforeFulfilment) {
        this.status = OrderStatus.CONFIRMED;
        this.stockStatus = confirmedBeforeFulfilment ? StockStatus.NOT_RESERVED : StockStatus.RESERVING;
    }

    void paymentRequested() {
        this.paymentStatus = PaymentStatus.REQUESTED;
        this.stockStatus = StockStatus.RESERVED;
    }

    void paymentStatusChanged(PaymentStatus paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    void rejected(String reason) {
        this.status = OrderStatus.REJECTED;
        this.rejectionReason = reason;
        releaseStock();
    }

    private void releaseStock() {
        if (stockStatus == StockStatus.RESERVING || stockStatus == StockStatus.RESERVED) {
            stockStatus = StockStatus.RELEASED;
        }
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

    @Override
    public String getId() {
        return orderId;
    }
}
