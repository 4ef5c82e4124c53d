package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets a line's quantity; with an {@code expectedVersion} (If-Match) only while the order is at that version. */
public record ChangeLineQuantity(
        @TargetAggregateIdentifier String orderId,
        String productId,
        int quantity,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeLineQuantity(String orderId, String productId, int quantity) {
        this(orderId, productId, quantity, null);
    }
}
