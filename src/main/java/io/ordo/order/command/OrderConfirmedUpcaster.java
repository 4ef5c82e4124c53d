package io.ordo.order.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.order.api.OrderConfirmed;
import org.springframework.stereotype.Component;

/**
 * {@link OrderConfirmed} revision 1 had no lines. They cannot be recovered from the event alone, so revision 2 says
 * "unknown" with {@code lines: null}, which marks an order confirmed before fulfilment existed.
 */
@Component
class OrderConfirmedUpcaster extends AddedFieldUpcaster {

    OrderConfirmedUpcaster() {
        super(OrderConfirmed.class);
    }

    @Override
    void addField(ObjectNode payload) {
        payload.putNull("lines");
    }
}
