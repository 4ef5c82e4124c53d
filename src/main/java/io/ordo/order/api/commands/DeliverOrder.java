package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the delivery; with an {@code expectedVersion} (If-Match) only while the order is at that version. */
public record DeliverOrder(
        @TargetAggregateIdentifier String orderId,
        @TargetAggregateVersion Long expectedVersion) {

    public DeliverOrder(String orderId) {
        this(orderId, null);
    }
}
