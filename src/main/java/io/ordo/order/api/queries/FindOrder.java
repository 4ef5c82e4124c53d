package io.ordo.order.api.queries;

public record FindOrder(String orderId) {}
