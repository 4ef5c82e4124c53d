package io.ordo.order.api.queries;

import java.time.Instant;

public record CustomerOrdersView(String customerId, long orderCount, Instant firstOrderAt, Instant lastOrderAt) {}
