package io.ordo.order.api.commands;

import io.ordo.order.api.OrderLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Adds a line. {@code priceCurrency}, when given, is the currency the line's price was set in (the product's), and
 * must be the order's; with an {@code expectedVersion} (If-Match) the line is added only at that version.
 */
public record AddOrderLine(
        @TargetAggregateIdentifier String orderId,
        OrderLine line,
        String priceCurrency,
        @TargetAggregateVersion Long expectedVersion) {

    public AddOrderLine(String orderId, OrderLine line, String priceCurrency) {
        this(orderId, line, priceCurrency, null);
    }

    public AddOrderLine(String orderId, OrderLine line) {
        this(orderId, line, null, null);
    }
}
