package io.ordo.inventory.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new unit price in the currency the product was registered in. */
public record ChangeProductPrice(@TargetAggregateIdentifier String productId, BigDecimal unitPrice) {}
