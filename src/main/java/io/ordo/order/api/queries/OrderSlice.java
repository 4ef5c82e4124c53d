package io.ordo.order.api.queries;

import java.util.List;

/** One page of {@link BrowseOrders}, newest first; {@code next} asks for the page after it, null on the last one. */
public record OrderSlice(List<OrderSummaryView> orders, OrderCursor next) {}
