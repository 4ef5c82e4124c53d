package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels a confirmed order whose payment has not arrived, as the payment deadline does. Unlike {@link CancelOrder}
 * it does nothing to an order that was paid, rejected or cancelled in the meantime: the deadline may race the payment.
 */
public record CancelUnpaidOrder(@TargetAggregateIdentifier String orderId, String reason) {}
