package io.ordo.inventory.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes the product off sale; with an {@code expectedVersion} (If-Match) only while it is at that version. */
public record DiscontinueProduct(
        @TargetAggregateIdentifier String productId,
        @TargetAggregateVersion Long expectedVersion) {

    public DiscontinueProduct(String productId) {
        this(productId, null);
    }
}
