package io.ordo.inventory.command;

import io.ordo.inventory.api.CatalogEntries;
import io.ordo.inventory.api.CatalogEntry;
import io.ordo.inventory.api.FindCatalogEntries;
import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRegistered;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what the catalog says about products right now from the products' own events, the command model's truth. A
 * projection could lag behind a price change or a registration that just happened, and an order must be priced by the
 * catalog's current word. Only the catalog events are deserialized; stock events are skipped by type, and no aggregate
 * is locked, so pricing an order never waits on a reservation.
 */
@Component
class CatalogLookup {

    private static final String PRODUCT = Product.class.getSimpleName();

    private final EventStore eventStore;

    CatalogLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    CatalogEntries handle(FindCatalogEntries query) {
        Map<String, CatalogEntry> entries = new HashMap<>();
        for (String productId : query.productIds()) {
            entryOf(productId).ifPresent(entry -> entries.put(productId, entry));
        }
        return new CatalogEntries(entries);
    }

    private Optional<CatalogEntry> entryOf(String productId) {
        CatalogEntry entry = null;
        // from the first event: readEvents(productId) would start at the product's latest snapshot
        DomainEventStream events = eventStore.readEvents(productId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!PRODUCT.equals(event.getType())) {
                return Optional.empty();
            }
            Class<?> type = event.getPayloadType();
            if (type == ProductRegistered.class) {
                ProductRegistered registered = (ProductRegistered) event.getPayload();
                entry = new CatalogEntry(
                        productId, registered.name(), registered.unitPrice(), registered.currency(), false);
            } else if (type == ProductPriceChanged.class && entry != null) {
                ProductPriceChanged changed = (ProductPriceChanged) event.getPayload();
                entry = new CatalogEntry(productId, entry.name(), changed.unitPrice(), changed.currency(), false);
            } else if (type == ProductDiscontinued.class && entry != null) {
                entry = new CatalogEntry(productId, entry.name(), entry.unitPrice(), entry.currency(), true);
            }
        }
        return Optional.ofNullable(entry);
    }
}
