package io.ordo.order.web;

import io.ordo.order.api.FindOrder;
import io.ordo.order.api.OrderView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an order once its projection has reached a version, waiting on the projection's update stream (a subscription
 * query). That stream only carries the updates this instance makes; when several instances share the database, another
 * one may hold the order's segment, so the projection is also re-read every {@code ordo.read-your-writes.recheck}.
 * Gives up after {@code ordo.read-your-writes.timeout} with 503 and Retry-After.
 *
 * <p>The re-reads run on threads of their own, never on Reactor's interval thread: when the wait ends Reactor cancels
 * the interval by interrupting its thread, and an interrupt in the middle of an H2 file read closes the whole embedded
 * database (the benchmark found this under load).
 */
@Component
class ReadYourWrites {

    private final QueryGateway queries;
    private final Duration timeout;
    private final Duration recheck;
    private final ExecutorService rereadThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ordo-read-your-writes");
        thread.setDaemon(true);
        return thread;
    });

    ReadYourWrites(
            QueryGateway queries,
            @Value("${ordo.read-your-writes.timeout:2s}") Duration timeout,
            @Value("${ordo.read-your-writes.recheck:250ms}") Duration recheck) {
        this.queries = queries;
        this.timeout = timeout;
        this.recheck = recheck;
    }

    Optional<OrderView> find(String orderId, long minVersion) {
        FindOrder query = new FindOrder(orderId);
        try (SubscriptionQueryResult<Optional<OrderView>, Long> result = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(OrderView.class), ResponseTypes.instanceOf(Long.class))) {
            Optional<OrderView> current = result.initialResult().block(timeout);
            if (current != null
                    && current.filter(order -> order.version() >= minVersion).isPresent()) {
                return current;
            }
            Flux<Long> rereads = Flux.interval(recheck)
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.fromFuture(reread(query)))
                    .map(order -> order.map(OrderView::version).orElse(-1L));
            Long reached = Flux.merge(result.updates(), rereads)
                    .filter(version -> version >= minVersion)
                    .next()
                    .timeout(timeout)
                    .onErrorResume(TimeoutException.class, e -> Mono.empty())
                    .block();
            if (reached == null) {
                throw notYet(orderId, minVersion);
            }
            return queries.query(query, ResponseTypes.optionalInstanceOf(OrderView.class))
                    .join();
        }
    }

    /** The query on a thread that nobody interrupts; cancelling the future leaves that thread alone. */
    private CompletableFuture<Optional<OrderView>> reread(FindOrder query) {
        return CompletableFuture.supplyAsync(
                () -> queries.query(query, ResponseTypes.optionalInstanceOf(OrderView.class))
                        .join(),
                rereadThreads);
    }

    private ErrorResponseException notYet(String orderId, long minVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "order " + orderId + " has not reached version " + minVersion + " within " + timeout.toMillis()
                        + " ms; retry shortly");
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return e;
    }
}
