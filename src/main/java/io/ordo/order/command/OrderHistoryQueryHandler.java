package io.ordo.order.command;

import io.ordo.order.api.queries.FindOrderAsOf;
import io.ordo.order.api.queries.OrderAsOf;
import io.ordo.platform.history.AggregateHistory;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what an order was at a point of its history. It lives beside the aggregate because only this package may
 * read the aggregate's state; the state itself comes from the order's events through the aggregate's own
 * event-sourcing handlers, never from a projection.
 */
@Component
class OrderHistoryQueryHandler {

    private final AggregateHistory history;

    OrderHistoryQueryHandler(AggregateHistory history) {
        this.history = history;
    }

    @QueryHandler
    Optional<OrderAsOf> handle(FindOrderAsOf query) {
        return history.rebuild(Order.class, query.orderId(), query.asOf())
                .map(past -> past.aggregate().asOf(past.version(), past.recordedAt()));
    }
}
