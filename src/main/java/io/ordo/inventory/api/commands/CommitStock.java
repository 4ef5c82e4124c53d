package io.ordo.inventory.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's reserved units have left the warehouse; without a reservation it does nothing. */
public record CommitStock(@TargetAggregateIdentifier String productId, String orderId) {}
