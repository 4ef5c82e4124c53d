package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a line; with an {@code expectedVersion} (If-Match) only while the order is at that version. */
public record RemoveOrderLine(
        @TargetAggregateIdentifier String orderId,
        String productId,
        @TargetAggregateVersion Long expectedVersion) {

    public RemoveOrderLine(String orderId, String productId) {
        this(orderId, productId, null);
    }
}
