package io.ordo.order.api;

public record FindCustomerOrders(String customerId) {}
