package io.ordo.order.api;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderPlaced(
        String orderId,
        String customerId,
        String currency,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        BigDecimal total) {}
