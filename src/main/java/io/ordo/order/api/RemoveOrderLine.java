package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveOrderLine(@TargetAggregateIdentifier String orderId, String productId) {}
