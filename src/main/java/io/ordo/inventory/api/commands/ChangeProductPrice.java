package io.ordo.inventory.api.commands;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A new unit price in the currency the product was registered in; with an {@code expectedVersion} (If-Match) only
 * while the product is at that version.
 */
public record ChangeProductPrice(
        @TargetAggregateIdentifier String productId,
        BigDecimal unitPrice,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeProductPrice(String productId, BigDecimal unitPrice) {
        this(productId, unitPrice, null);
    }
}
