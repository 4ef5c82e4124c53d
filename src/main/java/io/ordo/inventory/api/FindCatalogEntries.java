package io.ordo.inventory.api;

import java.util.Set;

/**
 * The current name, price and sale status of some products, answered from the products' own events (the command
 * model), not from a projection, so an order is priced by what the catalog says now. Unknown ids are left out.
 */
public record FindCatalogEntries(Set<String> productIds) {}
