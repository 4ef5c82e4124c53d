package io.ordo.order.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.SalesChannels;
import org.springframework.stereotype.Component;

/**
 * {@link OrderPlaced} revision 1 had no sales channel. Every order was then placed through the web shop, so revision 2
 * says {@value SalesChannels#DEFAULT}.
 */
@Component
class OrderPlacedUpcaster extends AddedFieldUpcaster {

    OrderPlacedUpcaster() {
        super(OrderPlaced.class);
    }

    @Override
    void addField(ObjectNode payload) {
        payload.put("salesChannel", SalesChannels.DEFAULT);
    }
}
