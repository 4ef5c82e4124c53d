package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the refund the order owes has been issued with the payment provider. */
public record RefundPayment(@TargetAggregateIdentifier String orderId) {}
