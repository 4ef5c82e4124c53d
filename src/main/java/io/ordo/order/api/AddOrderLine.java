package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddOrderLine(@TargetAggregateIdentifier String orderId, OrderLine line) {}
