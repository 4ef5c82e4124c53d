package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The shop cannot fulfil a confirmed order, for example {@code OUT_OF_STOCK sku-1}. */
public record RejectOrder(@TargetAggregateIdentifier String orderId, String reason) {}
