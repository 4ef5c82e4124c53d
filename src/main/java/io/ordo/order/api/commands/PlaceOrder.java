package io.ordo.order.api.commands;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.SalesChannels;
import io.ordo.order.api.ShippingAddress;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places a new order; without a {@code salesChannel} the order comes through {@value SalesChannels#DEFAULT}. */
public record PlaceOrder(
        @TargetAggregateIdentifier String orderId,
        String customerId,
        String currency,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String salesChannel) {

    public PlaceOrder {
        salesChannel = salesChannel == null ? SalesChannels.DEFAULT : salesChannel;
    }

    /** An order through the default channel. */
    public PlaceOrder(
            String orderId,
            String customerId,
            String currency,
            List<OrderLine> lines,
            ShippingAddress shippingAddress) {
        this(orderId, customerId, currency, lines, shippingAddress, null);
    }
}
