package io.ordo.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DiscontinueProduct(@TargetAggregateIdentifier String productId) {}
