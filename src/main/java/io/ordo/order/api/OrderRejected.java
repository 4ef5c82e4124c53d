package io.ordo.order.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderRejected(String orderId, String reason) {}
