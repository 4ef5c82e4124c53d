package io.ordo.order.query;

import static io.ordo.order.query.OrderHistory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.CustomerOrdersView;
import io.ordo.order.api.FindCustomerOrders;
import io.ordo.order.api.OrderPlaced;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;

@DataJpaTest
@Import(CustomerOrdersProjection.class)
class CustomerOrdersProjectionTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");

    /** An OrderPlaced at its global position in the event stream; the positions between belong to other events. */
    record Placed(OrderPlaced event, Instant at, long position) {}

    @Autowired
    private CustomerOrdersProjection projection;

    @Autowired
    private TestEntityManager entityManager;

    @Nested
    class Counting {

        @Test
        void countsEveryOrderACustomerPlacesWithTheFirstAndLatestTime() {
            deliver(placed("order-1", "anna", MONDAY_MORNING, 0));
            deliver(placed("order-2", "anna", MONDAY_MORNING.plus(Duration.ofDays(1)), 7));
            deliver(placed("order-3", "anna", MONDAY_MORNING.plus(Duration.ofDays(2)), 12));

            assertThat(find("anna"))
                    .contains(
                            new CustomerOrdersView("anna", 3, MONDAY_MORNING, MONDAY_MORNING.plus(Duration.ofDays(2))));
        }

        @Test
        void countsEachCustomerSeparately() {
            deliver(placed("order-1", "anna", MONDAY_MORNING, 0));
            deliver(placed("order-2", "ben", MONDAY_MORNING.plusSeconds(30), 3));
            deliver(placed("order-3", "anna", MONDAY_MORNING.plusSeconds(90), 9));

            assertThat(find("anna"))
                    .hasValueSatisfying(anna -> assertThat(anna.orderCount()).isEqualTo(2));
            assertThat(find("ben"))
                    .contains(new CustomerOrdersView(
                            "ben", 1, MONDAY_MORNING.plusSeconds(30), MONDAY_MORNING.plusSeconds(30)));
        }

        @Test
        void findsNothingForACustomerWithoutOrders() {
            deliver(placed("order-1", "anna", MONDAY_MORNING, 0));

            assertThat(find("carla")).isEmpty();
        }

        @Disabled("Bug: an OrderPlaced that fills a gap in the JPA event store is skipped as a duplicate; see below")
        @Test
        void countsAnOrderWhoseEventFillsAGapBehindALaterOrder() {
            // order-1's transaction took global index 10 but commits after order-2's, which took 11. The processor
            // delivers order-2 first and notes 10 as a gap; order-1 arrives later with a token that has filled the
            // gap but still reports position 11, the highest index seen, which equals anna's lastPosition.
            GapAwareTrackingToken afterOrder2 = GapAwareTrackingToken.newInstance(11, Set.of(10L));
            GapAwareTrackingToken afterOrder1 = afterOrder2.advanceTo(10, 10_000);
            Placed order2 = placed("order-2", "anna", MONDAY_MORNING.plusMillis(5), 11);
            Placed order1 = placed("order-1", "anna", MONDAY_MORNING, 10);

            projection.on(order2.event(), order2.at(), afterOrder2);
            projection.on(order1.event(), order1.at(), afterOrder1);

            assertThat(find("anna"))
                    .hasValueSatisfying(anna -> assertThat(anna.orderCount()).isEqualTo(2));
        }
    }

    @Nested
    class Redelivery {

        @Test
        void countsAnOrderOnceWhenItsEventArrivesTwiceAtTheSamePosition() {
            Placed order = placed("order-1", "anna", MONDAY_MORNING, 4);
            deliver(order);
            CustomerOrdersView once = find("anna").orElseThrow();

            deliver(order);

            assertThat(find("anna")).contains(once);
            assertThat(once.orderCount()).isEqualTo(1);
            assertThat(customerRows()).isEqualTo(1);
        }

        @Test
        void countsNothingTwiceWhenTheStreamIsRedeliveredFromAnEarlierToken() {
            List<Placed> stream = List.of(
                    placed("order-1", "anna", MONDAY_MORNING, 0),
                    placed("order-2", "ben", MONDAY_MORNING.plusSeconds(60), 5),
                    placed("order-3", "anna", MONDAY_MORNING.plusSeconds(120), 8));
            stream.forEach(CustomerOrdersProjectionTest.this::deliver);

            stream.forEach(CustomerOrdersProjectionTest.this::deliver);

            assertThat(find("anna"))
                    .hasValueSatisfying(anna -> assertThat(anna.orderCount()).isEqualTo(2));
            assertThat(find("ben"))
                    .hasValueSatisfying(ben -> assertThat(ben.orderCount()).isEqualTo(1));
        }
    }

    @Nested
    class Replay {

        private final List<Placed> stream = List.of(
                placed("order-1", "anna", MONDAY_MORNING, 0),
                placed("order-2", "ben", MONDAY_MORNING.plus(Duration.ofHours(1)), 6),
                placed("order-3", "anna", MONDAY_MORNING.plus(Duration.ofHours(2)), 13),
                placed("order-4", "carla", MONDAY_MORNING.plus(Duration.ofHours(3)), 20),
                placed("order-5", "anna", MONDAY_MORNING.plus(Duration.ofHours(4)), 21));

        @Test
        void resetForgetsEveryCustomer() {
            stream.forEach(CustomerOrdersProjectionTest.this::deliver);
            flushAndClear();

            projection.reset();

            assertThat(find("anna")).isEmpty();
            assertThat(customerRows()).isZero();
        }

        @Test
        void countsTheSameWhenTheStreamIsReplayedAfterAReset() {
            stream.forEach(CustomerOrdersProjectionTest.this::deliver);
            List<Optional<CustomerOrdersView>> before = findAll();

            projection.reset();
            flushAndClear();
            TrackingToken tokenAtReset = new GlobalSequenceTrackingToken(21);
            stream.forEach(order -> projection.on(
                    order.event(),
                    order.at(),
                    ReplayToken.createReplayToken(tokenAtReset, new GlobalSequenceTrackingToken(order.position()))));

            assertThat(findAll()).containsExactlyElementsOf(before);
            assertThat(before)
                    .extracting(customer -> customer.orElseThrow().orderCount())
                    .containsExactly(3L, 1L, 1L);
        }

        private List<Optional<CustomerOrdersView>> findAll() {
            return List.of(find("anna"), find("ben"), find("carla"));
        }
    }

    private static Placed placed(String orderId, String customerId, Instant at, long position) {
        StoredEvent placed = OrderHistory.placed(
                        orderId, customerId, at, line("espresso-beans", "Espresso beans 1kg", 1, "24.90"))
                .first();
        return new Placed((OrderPlaced) placed.payload(), placed.timestamp(), position);
    }

    private void deliver(Placed order) {
        projection.on(order.event(), order.at(), new GlobalSequenceTrackingToken(order.position()));
    }

    /** Reads from the database, not from the persistence context the handler just wrote to. */
    private Optional<CustomerOrdersView> find(String customerId) {
        flushAndClear();
        return projection.handle(new FindCustomerOrders(customerId));
    }

    private long customerRows() {
        flushAndClear();
        return ((Number) entityManager
                        .getEntityManager()
                        .createNativeQuery("select count(*) from customer_orders")
                        .getSingleResult())
                .longValue();
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
