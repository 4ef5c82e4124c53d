package io.ordo.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads waiting for a version are bounded in number and woken by the projection's announcement after its commit; they
 * read the order once more then, and never poll it meanwhile.
 */
class ReadYourWritesWaitersTest {

    private static final String ORDER = "order-waiting";

    private final QueryGateway queries = mock(QueryGateway.class);
    /** The versions the projection announces after each commit, to every open subscription. */
    private final Sinks.Many<Long> announcements = Sinks.many().multicast().directBestEffort();
    /** The version the read model holds. */
    private final AtomicLong stored = new AtomicLong(0);

    private final ExecutorService clients = Executors.newFixedThreadPool(3);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void readModel() {
        when(queries.subscriptionQuery(any(FindOrder.class), any(ResponseType.class), any(ResponseType.class)))
                .thenAnswer(call -> new DefaultSubscriptionQueryResult<>(
                        Mono.fromSupplier(this::view), announcements.asFlux(), () -> true));
        when(queries.query(any(FindOrder.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(view()));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void refusesAWaiterBeyondTheLimitAndWakesTheOthersWithTheCommit() throws Exception {
        ReadYourWrites reads = new ReadYourWrites(queries, Duration.ofMinutes(1), Duration.ZERO, 2);

        // given two reads waiting for a version the projection has not reached
        List<Future<Optional<OrderView>>> waiting =
                List.of(clients.submit(() -> reads.find(ORDER, 3)), clients.submit(() -> reads.find(ORDER, 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.waiting() == 2);

        // then a third is refused at once, with a hint when to come back
        assertThatThrownBy(() -> reads.find(ORDER, 3)).isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(refused.getBody().getDetail()).contains("too many reads are waiting");
        });
        // while a read that needs no wait is still answered
        assertThat(reads.find(ORDER, 0)).map(OrderView::version).contains(0L);

        // when the projection commits version 3 and announces it
        stored.set(3);
        announcements.tryEmitNext(3L);

        // then both are answered with it, each after one read of the order, not a poll
        for (Future<Optional<OrderView>> read : waiting) {
            assertThat(read.get(10, TimeUnit.SECONDS)).map(OrderView::version).contains(3L);
        }
        verify(queries, times(2)).query(any(FindOrder.class), any(ResponseType.class));
        assertThat(reads.waiting()).isZero();
    }

    @Test
    void aWaitThatEndsWithoutTheVersionIsA503AndFreesItsPlace() {
        ReadYourWrites reads = new ReadYourWrites(queries, Duration.ofMillis(50), Duration.ZERO, 1);

        assertThatThrownBy(() -> reads.find(ORDER, 3))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        refused -> assertThat(refused.getBody().getDetail()).contains("has not reached version 3"));

        assertThat(reads.waiting()).isZero();
        stored.set(3);
        assertThat(reads.find(ORDER, 3)).map(OrderView::version).contains(3L);
    }

    private Optional<OrderView> view() {
        OrderView view = mock(OrderView.class);
        when(view.version()).thenReturn(stored.get());
        return Optional.of(view);
    }
}
