package io.ordo.order.api.queries;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.StockStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The whole order as the read side knows it, at {@code version} (the sequence number of its last event). */
public record OrderView(
        String orderId,
        String customerId,
        String salesChannel,
        OrderStatus status,
        String currency,
        List<OrderLine> lines,
        BigDecimal total,
        ShippingAddress shippingAddress,
        Shipment shipment,
        String cancellationReason,
        String rejectionReason,
        PaymentStatus paymentStatus,
        StockStatus stock,
        Instant placedAt,
        Instant updatedAt,
        long version) {

    public record Shipment(String carrier, String trackingNumber) {}
}
