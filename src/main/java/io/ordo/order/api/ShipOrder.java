package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ShipOrder(@TargetAggregateIdentifier String orderId, String carrier, String trackingNumber) {}
