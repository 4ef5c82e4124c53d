package io.ordo.order.api.queries;

import io.ordo.order.api.OrderStatus;

/**
 * A page of order summaries, newest first, for a screen that pages on: the orders placed before {@code after} (or the
 * newest, without it), optionally of one status and one customer, at most {@code size}. Unlike {@link ListOrders} it
 * neither counts nor skips rows, so a page costs the same at the ten-thousandth page as at the first; answered with an
 * {@link OrderSlice}.
 */
public record BrowseOrders(OrderStatus status, String customerId, OrderCursor after, int size) {

    public static final int MAX_SIZE = 100;

    public BrowseOrders {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", was " + size);
        }
    }
}
