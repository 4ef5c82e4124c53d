package io.ordo.order.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderShipped(String orderId, String carrier, String trackingNumber) {}
