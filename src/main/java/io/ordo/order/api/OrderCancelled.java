package io.ordo.order.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderCancelled(String orderId, String reason, OrderStatus previousStatus) {}
