package io.ordo.inventory.command;

import io.ordo.inventory.api.CatalogEntries;
import io.ordo.inventory.api.CatalogEntry;
import io.ordo.inventory.api.FindCatalogEntries;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what the catalog says about products right now by loading the Product aggregates from their events. A
 * projection could lag behind a price change or a registration that just happened; an order must be priced by the
 * catalog's current word. Products are loaded in id order, the same order every other caller locks them in.
 */
@Component
class CatalogLookup {

    private final Repository<Product> products;

    CatalogLookup(Repository<Product> products) {
        this.products = products;
    }

    @QueryHandler
    CatalogEntries handle(FindCatalogEntries query) {
        Map<String, CatalogEntry> entries = new HashMap<>();
        for (String productId : new TreeSet<>(query.productIds())) {
            try {
                products.load(productId)
                        .invoke(Product::catalogEntry)
                        .ifPresent(entry -> entries.put(productId, entry));
            } catch (AggregateNotFoundException notInCatalog) {
                // left out: the caller decides what an unknown product means
            }
        }
        return new CatalogEntries(entries);
    }
}
