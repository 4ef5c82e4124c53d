package io.ordo.inventory.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an order's reserved units back to the available stock; without a reservation it does nothing. */
public record ReleaseStock(@TargetAggregateIdentifier String productId, String orderId) {}
