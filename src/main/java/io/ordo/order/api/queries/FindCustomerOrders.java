package io.ordo.order.api.queries;

public record FindCustomerOrders(String customerId) {}
