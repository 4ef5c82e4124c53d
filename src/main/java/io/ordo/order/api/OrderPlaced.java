package io.ordo.order.api;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A new order. Revision 2 added {@code salesChannel}; a revision 1 event, recorded before channels were, is upcast with
 * the channel every order then came through, {@value SalesChannels#DEFAULT}.
 */
@Revision("2")
public record OrderPlaced(
        String orderId,
        String customerId,
        String currency,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        BigDecimal total,
        String salesChannel) {

    /**
     * An order placed through the default channel: the revision 1 shape, kept so that code written against it still
     * compiles. Stored events never use it; they are read with the canonical constructor after upcasting.
     */
    public OrderPlaced(
            String orderId,
            String customerId,
            String currency,
            List<OrderLine> lines,
            ShippingAddress shippingAddress,
            BigDecimal total) {
        this(orderId, customerId, currency, lines, shippingAddress, total, SalesChannels.DEFAULT);
    }
}
