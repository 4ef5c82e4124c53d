package io.ordo.order.api.queries;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of {@link BrowseOrders} ended: the last order shown. Orders placed at the same instant are told apart
 * by their id, so no order is skipped or shown twice between pages.
 */
public record OrderCursor(Instant placedAt, String orderId) {

    public OrderCursor {
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(orderId, "orderId");
    }

    public static OrderCursor after(OrderSummaryView order) {
        return new OrderCursor(order.placedAt(), order.orderId());
    }
}
