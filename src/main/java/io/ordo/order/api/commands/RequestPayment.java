package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the customer's payment provider for the order total; sent once every line's stock is reserved. */
public record RequestPayment(@TargetAggregateIdentifier String orderId) {}
