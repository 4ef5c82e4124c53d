package io.ordo.inventory.command;

import io.ordo.inventory.api.queries.FindProductAsOf;
import io.ordo.inventory.api.queries.ProductAsOf;
import io.ordo.platform.history.AggregateHistory;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what a product was at a point of its history. It lives beside the aggregate because only this package may
 * read the aggregate's state; the state itself comes from the product's events through the aggregate's own
 * event-sourcing handlers, never from a projection.
 */
@Component
class ProductHistoryQueryHandler {

    private final AggregateHistory history;

    ProductHistoryQueryHandler(AggregateHistory history) {
        this.history = history;
    }

    @QueryHandler
    Optional<ProductAsOf> handle(FindProductAsOf query) {
        return history.rebuild(Product.class, query.productId(), query.asOf())
                .map(past -> past.aggregate().asOf(past.version(), past.recordedAt()));
    }
}
