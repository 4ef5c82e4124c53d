package io.ordo.inventory.api.queries;

import java.util.Set;

/**
 * The current name, price and sale status of some products, answered from the products' own events (the command
 * model), not from a projection, so an order is priced by what its products say now. Unknown ids are left out.
 */
public record FindCurrentProducts(Set<String> productIds) {}
