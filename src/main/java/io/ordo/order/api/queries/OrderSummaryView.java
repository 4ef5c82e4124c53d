package io.ordo.order.api.queries;

import io.ordo.order.api.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

public record OrderSummaryView(
        String orderId,
        String customerId,
        OrderStatus status,
        int lineCount,
        BigDecimal total,
        String currency,
        Instant placedAt,
        Instant updatedAt,
        long version) {}
