package io.ordo.order.query;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.StockStatus;
import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of {@code order_detail} with its lines ({@code order_detail_line}) as the projection writes them;
 * {@link OrderDetail} reads them. The lines are written again only when an event changed them.
 */
final class OrderDetailRow extends VersionedRow {

    private final String orderId;
    private final String customerId;
    private final String salesChannel;
    private OrderStatus status;
    private final String currency;
    private final List<OrderDetailLine> lines = new ArrayList<>();
    private boolean linesChanged;
    private BigDecimal total;
    private final OrderDetailAddress shippingAddress;
    private String carrier;
    private String trackingNumber;
    private String cancellationReason;
    private String rejectionReason;
    private PaymentStatus paymentStatus;
    // null for rows written before fulfilment existed: read as NOT_RESERVED
    private StockStatus stockStatus;
    private final Instant placedAt;

    /** A new order: status PLACED, nothing shipped, paid or reserved yet. */
    OrderDetailRow(
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

    private OrderDetailRow(ResultSet row) throws SQLException {
        super(row.getLong("version"), RowTable.instant(row, "updated_at"));
        this.orderId = row.getString("order_id");
        this.customerId = row.getString("customer_id");
        this.salesChannel = row.getString("sales_channel");
        this.status = OrderStatus.valueOf(row.getString("status"));
        this.currency = row.getString("currency");
        this.total = row.getBigDecimal("total");
        this.shippingAddress = new OrderDetailAddress(
                row.getString("ship_to_name"),
                row.getString("ship_to_street"),
                row.getString("ship_to_postal_code"),
                row.getString("ship_to_city"),
                row.getString("ship_to_country"));
        this.carrier = row.getString("carrier");
        this.trackingNumber = row.getString("tracking_number");
        this.cancellationReason = row.getString("cancellation_reason");
        this.rejectionReason = row.getString("rejection_reason");
        this.paymentStatus = enumOrNull(PaymentStatus.class, row.getString("payment_status"));
        this.stockStatus = enumOrNull(StockStatus.class, row.getString("stock_status"));
        this.placedAt = RowTable.instant(row, "placed_at");
    }

    /** The order_detail table alone; {@link OrderDetailRows} adds the lines. */
    static RowTable<OrderDetailRow> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "order_detail",
                List.of(
                        "order_id",
                        "customer_id",
                        "sales_channel",
                        "status",
                        "currency",
                        "total",
                        "ship_to_name",
                        "ship_to_street",
                        "ship_to_postal_code",
                        "ship_to_city",
                        "ship_to_country",
                        "carrier",
                        "tracking_number",
                        "cancellation_reason",
                        "rejection_reason",
                        "payment_status",
                        "stock_status",
                        "placed_at",
                        "updated_at",
                        "version"),
                (row, number) -> new OrderDetailRow(row),
                row -> new Object[] {
                    row.orderId,
                    row.customerId,
                    row.salesChannel,
                    row.status,
                    row.currency,
                    row.total,
                    row.shippingAddress.name(),
                    row.shippingAddress.street(),
                    row.shippingAddress.postalCode(),
                    row.shippingAddress.city(),
                    row.shippingAddress.country(),
                    row.carrier,
                    row.trackingNumber,
                    row.cancellationReason,
                    row.rejectionReason,
                    row.paymentStatus,
                    row.stockStatus,
                    row.placedAt,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    String orderId() {
        return orderId;
    }

    List<OrderDetailLine> lines() {
        return lines;
    }

    boolean linesChanged() {
        return linesChanged;
    }

    /** The lines as read from the table, or just written to it. */
    void linesStored(List<OrderDetailLine> stored) {
        if (stored != lines) {
            lines.clear();
            lines.addAll(stored);
        }
        linesChanged = false;
    }

    void addLine(OrderLine line) {
        lines.add(OrderDetailLine.of(line));
        linesChanged = true;
    }

    void removeLine(String productId) {
        linesChanged |= lines.removeIf(line -> line.productId().equals(productId));
    }

    void changeQuantity(String productId, int quantity) {
        lines.replaceAll(line -> line.productId().equals(productId) ? line.withQuantity(quantity) : line);
        linesChanged = true;
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
}
