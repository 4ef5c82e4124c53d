package io.ordo.order.api;

public record ListOrders(OrderStatus status, String customerId, int page, int size) {}
