package io.ordo.inventory.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds stock; with an {@code expectedVersion} (If-Match) only while the product is at that version. */
public record RestockProduct(
        @TargetAggregateIdentifier String productId,
        int quantity,
        @TargetAggregateVersion Long expectedVersion) {

    public RestockProduct(String productId, int quantity) {
        this(productId, quantity, null);
    }
}
