package io.ordo.inventory.api.queries;

import java.util.Map;
import java.util.Optional;

/** Products' current name, price and sale status by product id. */
public record CurrentProducts(Map<String, CurrentProduct> byProductId) {

    public CurrentProducts {
        byProductId = Map.copyOf(byProductId);
    }

    public Optional<CurrentProduct> find(String productId) {
        return Optional.ofNullable(byProductId.get(productId));
    }
}
