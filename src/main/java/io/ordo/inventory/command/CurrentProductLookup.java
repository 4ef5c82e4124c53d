package io.ordo.inventory.command;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.queries.CurrentProduct;
import io.ordo.inventory.api.queries.CurrentProducts;
import io.ordo.inventory.api.queries.FindCurrentProducts;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers products' current name, price and sale status from their own events, the command model's truth. A
 * projection could lag behind a price change or a registration that just happened, and an order must be priced by the
 * product's current word. Only registration, price and discontinuation events are deserialized; stock events are skipped by type, and no aggregate
 * is locked, so pricing an order never waits on a reservation.
 *
 * <p>A product's stream grows with every reservation, so reading it whole for every order made placing orders slower
 * the longer the shop ran (the benchmark showed it). What was read is remembered per product, and each lookup reads
 * only the events appended since, still from the store, so a change made on another instance counts at once. Reading
 * from a sequence number also never starts at a snapshot, whose payload is the whole aggregate.
 */
@Component
class CurrentProductLookup {

    private static final String PRODUCT = Product.class.getSimpleName();

    private final EventStore eventStore;
    private final Map<String, Read> read = new ConcurrentHashMap<>();

    /** What the events of a product up to {@code nextSequence} say; {@code entry} is null while none registered it. */
    private record Read(CurrentProduct entry, long nextSequence) {

        static final Read NOTHING = new Read(null, 0);
    }

    CurrentProductLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    CurrentProducts handle(FindCurrentProducts query) {
        Map<String, CurrentProduct> entries = new HashMap<>();
        for (String productId : query.productIds()) {
            entryOf(productId).ifPresent(entry -> entries.put(productId, entry));
        }
        return new CurrentProducts(entries);
    }

    private Optional<CurrentProduct> entryOf(String productId) {
        Read before = read.getOrDefault(productId, Read.NOTHING);
        CurrentProduct entry = before.entry();
        long nextSequence = before.nextSequence();
        DomainEventStream events = eventStore.readEvents(productId, nextSequence);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!PRODUCT.equals(event.getType())) {
                return Optional.empty();
            }
            nextSequence = event.getSequenceNumber() + 1;
            Class<?> type = event.getPayloadType();
            if (type == ProductRegistered.class) {
                ProductRegistered registered = (ProductRegistered) event.getPayload();
                entry = new CurrentProduct(
                        productId, registered.name(), registered.unitPrice(), registered.currency(), false);
            } else if (type == ProductPriceChanged.class && entry != null) {
                ProductPriceChanged changed = (ProductPriceChanged) event.getPayload();
                entry = new CurrentProduct(productId, entry.name(), changed.unitPrice(), changed.currency(), false);
            } else if (type == ProductDiscontinued.class && entry != null) {
                entry = new CurrentProduct(productId, entry.name(), entry.unitPrice(), entry.currency(), true);
            }
        }
        if (nextSequence > before.nextSequence()) {
            Read after = new Read(entry, nextSequence);
            // two lookups at once: the one that read further wins
            read.merge(productId, after, (known, mine) -> known.nextSequence() >= mine.nextSequence() ? known : mine);
        }
        return Optional.ofNullable(entry);
    }
}
