package io.ordo.order.web;

import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
 * Reads an order once its projection has reached a version. A read that has to wait is woken by the projection's
 * commit: it subscribes to the versions the projection announces (a subscription query; Axon emits the update after
 * the projection's transaction commits), and reads the order once more when the version arrives or the wait ends
 * ({@code ordo.read-your-writes.timeout}, then 503 with Retry-After).
 *
 * <p>A waiting read holds a request thread, so at most {@code ordo.read-your-writes.max-waiters} wait at once; one more
 * is answered 503 with Retry-After at once instead of taking a thread from the commands.
 *
 * <p>Announcements only reach the instance whose processor made the change. When several instances share the
 * database, another one may hold the order's segment, so the production profiles also re-read every
 * {@code ordo.read-your-writes.recheck} (off by default: one instance hears every commit). The re-reads run on
 * threads of their own, never on Reactor's interval thread: when the wait ends Reactor cancels the interval by
 * interrupting its thread, and an interrupt in the middle of an H2 file read closes the whole embedded database.
 */
@Component
class ReadYourWrites {

    private final QueryGateway queries;
    private final Duration timeout;
    private final Duration recheck;
    private final int maxWaiters;
    private final Semaphore waiters;
    private final ExecutorService rereadThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ordo-read-your-writes");
        thread.setDaemon(true);
        return thread;
    });

    ReadYourWrites(
            QueryGateway queries,
            @Value("${ordo.read-your-writes.timeout:2s}") Duration timeout,
            @Value("${ordo.read-your-writes.recheck:0s}") Duration recheck,
            @Value("${ordo.read-your-writes.max-waiters:100}") int maxWaiters) {
        if (maxWaiters < 1) {
            throw new IllegalArgumentException("ordo.read-your-writes.max-waiters must be at least 1");
        }
        this.queries = queries;
        this.timeout = timeout;
        this.recheck = recheck;
        this.maxWaiters = maxWaiters;
        this.waiters = new Semaphore(maxWaiters);
    }

    Optional<OrderView> find(String orderId, long minVersion) {
        FindOrder query = new FindOrder(orderId);
        try (SubscriptionQueryResult<Optional<OrderView>, Long> result = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(OrderView.class), ResponseTypes.instanceOf(Long.class))) {
            Optional<OrderView> current = result.initialResult().block(timeout);
            if (reached(current, minVersion)) {
                return current;
            }
            if (!waiters.tryAcquire()) {
                throw unavailable("too many reads are waiting for a version; retry shortly");
            }
            try {
                versions(result, query)
                        .filter(version -> version >= minVersion)
                        .next()
                        .timeout(timeout)
                        .onErrorResume(TimeoutException.class, e -> Mono.empty())
                        .block();
            } finally {
                waiters.release();
            }
            // read once more whether or not the version was announced: another instance may have committed it
            Optional<OrderView> last = read(query);
            if (reached(last, minVersion)) {
                return last;
            }
            throw unavailable("order " + orderId + " has not reached version " + minVersion + " within "
                    + timeout.toMillis() + " ms; retry shortly");
        }
    }

    /** How many reads are waiting now. */
    int waiting() {
        return maxWaiters - waiters.availablePermits();
    }

    private Flux<Long> versions(SubscriptionQueryResult<Optional<OrderView>, Long> result, FindOrder query) {
        if (recheck.isZero() || recheck.isNegative()) {
            return result.updates();
        }
        Flux<Long> rereads = Flux.interval(recheck)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromFuture(rereadElsewhere(query)))
                .map(order -> order.map(OrderView::version).orElse(-1L));
        return Flux.merge(result.updates(), rereads);
    }

    private Optional<OrderView> read(FindOrder query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();
    }

    /** The query on a thread that nobody interrupts; cancelling the future leaves that thread alone. */
    private CompletableFuture<Optional<OrderView>> rereadElsewhere(FindOrder query) {
        return CompletableFuture.supplyAsync(() -> read(query), rereadThreads);
    }

    private static boolean reached(Optional<OrderView> order, long minVersion) {
        return order != null
                && order.filter(view -> view.version() >= minVersion).isPresent();
    }

    private static ErrorResponseException unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return e;
    }
}
