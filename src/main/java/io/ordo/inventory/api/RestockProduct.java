package io.ordo.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestockProduct(@TargetAggregateIdentifier String productId, int quantity) {}
