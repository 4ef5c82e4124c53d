package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancels the order; with an {@code expectedVersion} (If-Match) only while it is at that version. */
public record CancelOrder(
        @TargetAggregateIdentifier String orderId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public CancelOrder(String orderId, String reason) {
        this(orderId, reason, null);
    }
}
