package io.ordo.order.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ships the order; with an {@code expectedVersion} (If-Match) only while it is at that version. */
public record ShipOrder(
        @TargetAggregateIdentifier String orderId,
        String carrier,
        String trackingNumber,
        @TargetAggregateVersion Long expectedVersion) {

    public ShipOrder(String orderId, String carrier, String trackingNumber) {
        this(orderId, carrier, trackingNumber, null);
    }
}
