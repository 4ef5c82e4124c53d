package io.ordo.order.api.queries;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The order as the Order aggregate knew it after the event with sequence number {@code version}, recorded at
 * {@code recordedAt}. It holds what the aggregate decides with; the customer, address and reasons are in
 * {@link OrderView} and in the audit trail.
 */
public record OrderAsOf(
        String orderId,
        String salesChannel,
        OrderStatus status,
        String currency,
        List<OrderLine> lines,
        BigDecimal total,
        PaymentStatus paymentStatus,
        String paymentReference,
        OrderView.Shipment shipment,
        long version,
        Instant recordedAt) {}
