package io.ordo.order.query;

import static io.ordo.order.query.OrderHistory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.StockStatus;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import io.ordo.support.ProjectionSliceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

@ProjectionSliceTest
class OrderDetailProjectionTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");
    private static final OrderLine BEANS = line("espresso-beans", "Espresso beans 1kg", 2, "24.90");
    private static final OrderLine GRINDER = line("grinder", "Hand grinder", 1, "89.00");
    private static final OrderLine PAPERS = line("filter-papers", "Filter papers x100", 3, "4.50");

    @Autowired
    private OrderDetailProjection projection;

    @Autowired
    private QueryUpdateEmitter updates;

    @Autowired
    private TestEntityManager entityManager;

    @Nested
    class Lifecycle {

        @Test
        void showsAPlacedOrderWithItsLinesAndAddressAndNoShipmentYet() {
            apply(OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS, GRINDER));

            assertThat(find("order-1"))
                    .contains(new OrderView(
                            "order-1",
                            "customer-1",
                            "web",
                            OrderStatus.PLACED,
                            "EUR",
                            List.of(BEANS, GRINDER),
                            new BigDecimal("138.80"),
                            OrderHistory.ADDRESS,
                            null,
                            null,
                            null,
                            null,
                            StockStatus.NOT_RESERVED,
                            MONDAY_MORNING,
                            MONDAY_MORNING,
                            0));
        }

        @Test
        void findsNothingForAnOrderItHasNotSeen() {
            apply(OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS));

            assertThat(find("order-2")).isEmpty();
        }

        @Test
        void keepsTheLinesInOrderAsTheyAreAddedResizedAndRemoved() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS, GRINDER);
            apply(order);

            apply(order.lineAdded(PAPERS));
            assertThat(order("order-1").lines()).containsExactly(BEANS, GRINDER, PAPERS);

            apply(order.quantityChanged("espresso-beans", 5));
            assertThat(order("order-1").lines())
                    .containsExactly(line("espresso-beans", "Espresso beans 1kg", 5, "24.90"), GRINDER, PAPERS);

            apply(order.lineRemoved("grinder"));
            assertThat(order("order-1"))
                    .returns(
                            List.of(line("espresso-beans", "Espresso beans 1kg", 5, "24.90"), PAPERS), OrderView::lines)
                    .returns(new BigDecimal("138.00"), OrderView::total)
                    .returns(order.total(), OrderView::total)
                    .returns(3L, OrderView::version)
                    .returns(MONDAY_MORNING.plus(Duration.ofMinutes(3)), OrderView::updatedAt)
                    .returns(MONDAY_MORNING, OrderView::placedAt);
        }

        @Test
        void showsCarrierAndTrackingNumberOnceShippedAndKeepsThemWhenDelivered() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS);
            apply(order);

            apply(order.confirmed());
            assertThat(order("order-1"))
                    .returns(OrderStatus.CONFIRMED, OrderView::status)
                    .returns(null, OrderView::shipment)
                    .returns(1L, OrderView::version);

            apply(order.shipped("DHL", "JD014600006281"));
            assertThat(order("order-1"))
                    .returns(OrderStatus.SHIPPED, OrderView::status)
                    .returns(new OrderView.Shipment("DHL", "JD014600006281"), OrderView::shipment)
                    .returns(2L, OrderView::version);

            apply(order.delivered());
            assertThat(order("order-1"))
                    .returns(OrderStatus.DELIVERED, OrderView::status)
                    .returns(new OrderView.Shipment("DHL", "JD014600006281"), OrderView::shipment)
                    .returns(null, OrderView::cancellationReason)
                    .returns(3L, OrderView::version)
                    .returns(order.last().timestamp(), OrderView::updatedAt);
        }

        @Test
        void showsTheReasonOnceCancelled() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS)
                    .confirmed()
                    .cancelled("customer changed their mind");
            apply(order);

            assertThat(order("order-1"))
                    .returns(OrderStatus.CANCELLED, OrderView::status)
                    .returns("customer changed their mind", OrderView::cancellationReason)
                    .returns(null, OrderView::shipment)
                    .returns(List.of(BEANS), OrderView::lines)
                    .returns(2L, OrderView::version)
                    .returns(order.last().timestamp(), OrderView::updatedAt);
        }
    }

    @Nested
    class VersionUpdates {

        private final List<UpdateHandlerRegistration<Object>> subscriptions = new ArrayList<>();

        @AfterEach
        void unsubscribe() {
            subscriptions.forEach(UpdateHandlerRegistration::complete);
        }

        @Test
        void tellsSubscribersOfTheOrderEachVersionItReaches() {
            List<Object> announced = subscribeTo("order-1");
            List<Object> announcedForOther = subscribeTo("order-2");

            apply(OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS)
                    .lineAdded(PAPERS)
                    .confirmed());

            assertThat(announced).containsExactly(0L, 1L, 2L);
            assertThat(announcedForOther).isEmpty();
        }

        @Test
        void staysSilentWhenAnEventArrivesAgain() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS)
                    .confirmed();
            apply(order);
            List<Object> announced = subscribeTo("order-1");

            apply(order);

            assertThat(announced).isEmpty();
        }

        private List<Object> subscribeTo(String orderId) {
            UpdateHandlerRegistration<Object> registration = updates.registerUpdateHandler(
                    new GenericSubscriptionQueryMessage<>(
                            new FindOrder(orderId),
                            ResponseTypes.optionalInstanceOf(OrderView.class),
                            ResponseTypes.instanceOf(Long.class)),
                    16);
            subscriptions.add(registration);
            List<Object> announced = new ArrayList<>();
            // without a unit of work the emitter publishes at once, on this thread
            registration.getUpdates().subscribe(update -> announced.add(update.getPayload()));
            return announced;
        }
    }

    @Nested
    class Redelivery {

        @Test
        void addsALineOnceWhenItsEventArrivesTwice() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS)
                    .lineAdded(PAPERS);
            apply(order);
            OrderView once = order("order-1");

            apply(order.last());

            assertThat(order("order-1")).isEqualTo(once).returns(List.of(BEANS, PAPERS), OrderView::lines);
        }

        @Test
        void keepsTheChangedLinesWhenOrderPlacedArrivesAgain() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS, GRINDER)
                    .lineRemoved("grinder");
            apply(order);
            OrderView once = order("order-1");

            apply(order.first());

            assertThat(order("order-1")).isEqualTo(once).returns(List.of(BEANS), OrderView::lines);
            assertThat(lineRows()).isEqualTo(1);
        }

        @Test
        void keepsTheNewestStateWhenTheWholeHistoryArrivesAgain() {
            OrderHistory order = OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS, GRINDER)
                    .lineAdded(PAPERS)
                    .quantityChanged("filter-papers", 1)
                    .lineRemoved("grinder")
                    .confirmed()
                    .shipped("UPS", "1Z999AA10123456784");
            apply(order);
            OrderView once = order("order-1");

            apply(order);

            assertThat(order("order-1"))
                    .isEqualTo(once)
                    .returns(List.of(BEANS, line("filter-papers", "Filter papers x100", 1, "4.50")), OrderView::lines)
                    .returns(5L, OrderView::version);
        }
    }

    @Nested
    class Replay {

        @Test
        void resetRemovesEveryOrderAndItsLines() {
            apply(OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS, GRINDER));
            apply(OrderHistory.placed("order-2", "customer-2", MONDAY_MORNING, PAPERS));
            flushAndClear();
            assertThat(lineRows()).isEqualTo(3);

            projection.reset();
            flushAndClear();

            assertThat(find("order-1")).isEmpty();
            assertThat(find("order-2")).isEmpty();
            assertThat(lineRows()).isZero();
        }

        @Test
        void rebuildsIdenticalOrdersWhenTheHistoryIsReplayedAfterAReset() {
            List<OrderHistory> history = List.of(
                    OrderHistory.placed("order-1", "anna", MONDAY_MORNING, BEANS, GRINDER)
                            .lineAdded(PAPERS)
                            .lineRemoved("espresso-beans")
                            .confirmed()
                            .shipped("DHL", "JD014600006281")
                            .delivered(),
                    OrderHistory.placed("order-2", "ben", MONDAY_MORNING.plus(Duration.ofHours(1)), BEANS)
                            .quantityChanged("espresso-beans", 3)
                            .cancelled("found it cheaper elsewhere"),
                    OrderHistory.placed("order-3", "anna", MONDAY_MORNING.plus(Duration.ofHours(2)), GRINDER));
            history.forEach(OrderDetailProjectionTest.this::apply);
            List<OrderView> before = findAll(history);

            projection.reset();
            flushAndClear();
            history.forEach(OrderDetailProjectionTest.this::apply);

            assertThat(findAll(history)).containsExactlyElementsOf(before);
            assertThat(lineRows()).isEqualTo(4);
        }

        private List<OrderView> findAll(List<OrderHistory> history) {
            return history.stream().map(order -> order(order.orderId())).toList();
        }
    }

    private void apply(OrderHistory order) {
        order.events().forEach(this::apply);
    }

    private void apply(StoredEvent event) {
        event.applyTo(projection);
    }

    /** Reads from the database, not from the persistence context the handlers just wrote to. */
    private Optional<OrderView> find(String orderId) {
        flushAndClear();
        return projection.handle(new FindOrder(orderId));
    }

    private OrderView order(String orderId) {
        return find(orderId).orElseThrow(() -> new AssertionError(orderId + " is not found"));
    }

    private long lineRows() {
        flushAndClear();
        return ((Number) entityManager
                        .getEntityManager()
                        .createNativeQuery("select count(*) from order_detail_line")
                        .getSingleResult())
                .longValue();
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
