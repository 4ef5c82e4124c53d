package io.ordo.order.query;

import static io.ordo.order.query.OrderHistory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.queries.CustomerOrdersView;
import io.ordo.order.api.queries.FindCustomerOrders;
import io.ordo.support.ProjectionSliceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

@ProjectionSliceTest
class CustomerOrdersProjectionTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");

    record Placed(OrderPlaced event, Instant at) {}

    @Autowired
    private CustomerOrdersProjection projection;

    @Autowired
    private TestEntityManager entityManager;

    @Nested
    class Counting {

        @Test
        void countsEveryOrderACustomerPlacesWithTheFirstAndLatestTime() {
            deliver(placed("order-1", "anna", MONDAY_MORNING));
            deliver(placed("order-2", "anna", MONDAY_MORNING.plus(Duration.ofDays(1))));
            deliver(placed("order-3", "anna", MONDAY_MORNING.plus(Duration.ofDays(2))));

            assertThat(find("anna"))
                    .contains(
                            new CustomerOrdersView("anna", 3, MONDAY_MORNING, MONDAY_MORNING.plus(Duration.ofDays(2))));
        }

        @Test
        void countsEachCustomerSeparately() {
            deliver(placed("order-1", "anna", MONDAY_MORNING));
            deliver(placed("order-2", "ben", MONDAY_MORNING.plusSeconds(30)));
            deliver(placed("order-3", "anna", MONDAY_MORNING.plusSeconds(90)));

            assertThat(find("anna"))
                    .hasValueSatisfying(anna -> assertThat(anna.orderCount()).isEqualTo(2));
            assertThat(find("ben"))
                    .contains(new CustomerOrdersView(
                            "ben", 1, MONDAY_MORNING.plusSeconds(30), MONDAY_MORNING.plusSeconds(30)));
        }

        @Test
        void findsNothingForACustomerWithoutOrders() {
            deliver(placed("order-1", "anna", MONDAY_MORNING));

            assertThat(find("carla")).isEmpty();
        }

        @Test
        void countsAnOrderWhoseEventArrivesAfterALaterOrder() {
            // order-1's transaction took the lower global index but committed after order-2's, so a streaming
            // processor delivers it later, behind an order that came after it
            Placed order2 = placed("order-2", "anna", MONDAY_MORNING.plusMillis(5));
            Placed order1 = placed("order-1", "anna", MONDAY_MORNING);

            deliver(order2);
            deliver(order1);

            assertThat(find("anna"))
                    .hasValueSatisfying(anna -> assertThat(anna.orderCount()).isEqualTo(2));
        }
    }

    @Nested
    class Redelivery {

        @Test
        void countsAnOrderOnceWhenItsEventArrivesTwice() {
            Placed order = placed("order-1", "anna", MONDAY_MORNING);
            deliver(order);
            CustomerOrdersView once = find("anna").orElseThrow();

            deliver(order);

            assertThat(find("anna")).contains(once);
            assertThat(once.orderCount()).isEqualTo(1);
            assertThat(customerRows()).isEqualTo(1);
        }

        @Test
        void countsNothingTwiceWhenTheStreamIsRedelivered() {
            List<Placed> stream = List.of(
                    placed("order-1", "anna", MONDAY_MORNING),
                    placed("order-2", "ben", MONDAY_MORNING.plusSeconds(60)),
                    placed("order-3", "anna", MONDAY_MORNING.plusSeconds(120)));
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
                placed("order-1", "anna", MONDAY_MORNING),
                placed("order-2", "ben", MONDAY_MORNING.plus(Duration.ofHours(1))),
                placed("order-3", "anna", MONDAY_MORNING.plus(Duration.ofHours(2))),
                placed("order-4", "carla", MONDAY_MORNING.plus(Duration.ofHours(3))),
                placed("order-5", "anna", MONDAY_MORNING.plus(Duration.ofHours(4))));

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
            stream.forEach(CustomerOrdersProjectionTest.this::deliver);

            assertThat(findAll()).containsExactlyElementsOf(before);
            assertThat(before)
                    .extracting(customer -> customer.orElseThrow().orderCount())
                    .containsExactly(3L, 1L, 1L);
        }

        private List<Optional<CustomerOrdersView>> findAll() {
            return List.of(find("anna"), find("ben"), find("carla"));
        }
    }

    private static Placed placed(String orderId, String customerId, Instant at) {
        StoredEvent placed = OrderHistory.placed(
                        orderId, customerId, at, line("espresso-beans", "Espresso beans 1kg", 1, "24.90"))
                .first();
        return new Placed((OrderPlaced) placed.payload(), placed.timestamp());
    }

    private void deliver(Placed order) {
        projection.on(order.event(), order.at());
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
                        .createNativeQuery("select count(distinct customer_id) from customer_order")
                        .getSingleResult())
                .longValue();
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
