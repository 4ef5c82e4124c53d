package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeLineQuantity(@TargetAggregateIdentifier String orderId, String productId, int quantity) {}
