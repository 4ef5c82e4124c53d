package io.ordo.inventory.api;

import java.util.Map;
import java.util.Optional;

/** Catalog entries by product id. */
public record CatalogEntries(Map<String, CatalogEntry> byProductId) {

    public CatalogEntries {
        byProductId = Map.copyOf(byProductId);
    }

    public Optional<CatalogEntry> find(String productId) {
        return Optional.ofNullable(byProductId.get(productId));
    }
}
