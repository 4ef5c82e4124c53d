package io.ordo.console;

import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads an order once its read model has caught up with the console's own last command, so the page after an action
 * shows what the action did. It waits on the versions the order projection announces after each commit (the same
 * subscription as the API's read-your-writes), at most {@code ordo.console.fresh-read-timeout} and for at most
 * {@value #MAX_WAITERS} requests at once; past either it shows the order as it is, which the page's live updates then
 * bring up to date.
 */
@Component
class FreshOrders {

    private static final int MAX_WAITERS = 20;

    private final QueryGateway queries;
    private final Duration timeout;
    private final Semaphore waiters = new Semaphore(MAX_WAITERS);

    FreshOrders(QueryGateway queries, @Value("${ordo.console.fresh-read-timeout:2s}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    Optional<OrderView> find(String orderId, Long minVersion) {
        if (minVersion == null || !waiters.tryAcquire()) {
            return read(orderId);
        }
        try (SubscriptionQueryResult<Optional<OrderView>, Long> result = queries.subscriptionQuery(
                new FindOrder(orderId),
                ResponseTypes.optionalInstanceOf(OrderView.class),
                ResponseTypes.instanceOf(Long.class))) {
            Optional<OrderView> current = result.initialResult().block(timeout);
            if (current != null
                    && current.filter(order -> order.version() >= minVersion).isPresent()) {
                return current;
            }
            result.updates()
                    .filter(version -> version >= minVersion)
                    .next()
                    .timeout(timeout)
                    .onErrorComplete()
                    .block();
            return read(orderId);
        } finally {
            waiters.release();
        }
    }

    private Optional<OrderView> read(String orderId) {
        return queries.query(new FindOrder(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();
    }
}
