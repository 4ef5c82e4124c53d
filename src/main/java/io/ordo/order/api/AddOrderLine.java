package io.ordo.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a line. {@code priceCurrency}, when given, is the currency the line's price was set in (the catalog's), and
 * must be the order's.
 */
public record AddOrderLine(@TargetAggregateIdentifier String orderId, OrderLine line, String priceCurrency) {

    public AddOrderLine(String orderId, OrderLine line) {
        this(orderId, line, null);
    }
}
