package io.ordo.order.api;

public record FindOrder(String orderId) {}
