package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeliverOrder(@TargetAggregateIdentifier String orderId) {}
