package io.ordo.order.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlaceOrder(
        @TargetAggregateIdentifier String orderId,
        String customerId,
        String currency,
        List<OrderLine> lines,
        ShippingAddress shippingAddress) {}
