package io.ordo.order.api.queries;

import io.ordo.order.api.OrderStatus;

public record ListOrders(OrderStatus status, String customerId, int page, int size) {}
