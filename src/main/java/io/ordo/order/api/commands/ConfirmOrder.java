package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Confirms the order; with an {@code expectedVersion} (If-Match) only while it is at that version. */
public record ConfirmOrder(
        @TargetAggregateIdentifier String orderId,
        @TargetAggregateVersion Long expectedVersion) {

    public ConfirmOrder(String orderId) {
        this(orderId, null);
    }
}
