package io.ordo.inventory.api.commands;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterProduct(
        @TargetAggregateIdentifier String productId,
        String name,
        BigDecimal unitPrice,
        String currency,
        int initialStock) {}
