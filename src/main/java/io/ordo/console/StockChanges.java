package io.ordo.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReleased;
import io.ordo.inventory.api.StockReserved;
import io.ordo.platform.live.LiveStreams;
import java.math.BigDecimal;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns the inventory's events into what the products' pages show live: the product's counts after the change, which
 * every stock event carries, so a page never has to wait for the product projection to catch up. Published to
 * {@link #TOPIC} as JSON ({@code stock} messages); assets/products.js updates the product's cells.
 */
@Component
class StockChanges {

    static final String TOPIC = "products";

    private final LiveStreams live;

    StockChanges(LiveStreams live) {
        this.live = live;
    }

    /** A product's new figures; a field the event does not speak of is left out and stays as the page shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(
            String productId,
            Integer available,
            Integer reserved,
            Integer committed,
            BigDecimal unitPrice,
            String currency,
            Boolean discontinued,
            long version) {}

    void publish(EventMessage<?> event) {
        if (!live.watched(TOPIC) || !isInventory(event)) {
            return;
        }
        long version = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        Change change = change(event.getPayload(), version);
        if (change != null) {
            live.publish(TOPIC, "stock", change);
        }
    }

    private static Change change(Object payload, long version) {
        if (payload instanceof StockReserved e) {
            return stock(e.productId(), e.available(), e.reserved(), null, version);
        }
        if (payload instanceof StockReleased e) {
            return stock(e.productId(), e.available(), e.reserved(), null, version);
        }
        if (payload instanceof StockCommitted e) {
            return stock(e.productId(), null, e.reserved(), e.committed(), version);
        }
        if (payload instanceof ProductRestocked e) {
            return stock(e.productId(), e.available(), null, null, version);
        }
        if (payload instanceof ProductPriceChanged e) {
            return new Change(e.productId(), null, null, null, e.unitPrice(), e.currency(), null, version);
        }
        if (payload instanceof ProductDiscontinued e) {
            return new Change(e.productId(), null, null, null, null, null, true, version);
        }
        return null;
    }

    /** Only the inventory's events are read: every other payload stays serialized. */
    private static boolean isInventory(EventMessage<?> event) {
        return event.getPayloadType().getPackageName().equals(ProductRestocked.class.getPackageName());
    }

    private static Change stock(
            String productId, Integer available, Integer reserved, Integer committed, long version) {
        return new Change(productId, available, reserved, committed, null, null, null, version);
    }
}
