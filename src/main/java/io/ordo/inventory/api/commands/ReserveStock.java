package io.ordo.inventory.api.commands;

import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds {@code quantity} units for an order. The answer is an event either way: {@link StockReserved} or
 * {@link StockReservationRejected}, so the process that asked learns the outcome from the event stream.
 */
public record ReserveStock(@TargetAggregateIdentifier String productId, String orderId, int quantity) {}
