package io.ordo.order.query;

import static io.ordo.order.query.OrderHistory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.ListOrders;
import io.ordo.order.api.queries.OrderPage;
import io.ordo.order.api.queries.OrderSummaryView;
import io.ordo.support.ProjectionSliceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

@ProjectionSliceTest
class OrderSummaryProjectionTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");

    @Autowired
    private OrderSummaryProjection projection;

    @Autowired
    private TestEntityManager entityManager;

    @Nested
    class Lifecycle {

        @Test
        void listsAPlacedOrderWithItsLineCountTotalAndFirstVersion() {
            OrderHistory order = OrderHistory.placed(
                    "order-1",
                    "customer-1",
                    MONDAY_MORNING,
                    line("espresso-beans", "Espresso beans 1kg", 2, "24.90"),
                    line("grinder", "Hand grinder", 1, "89.00"));

            apply(order);

            assertThat(summaryOf("order-1"))
                    .isEqualTo(new OrderSummaryView(
                            "order-1",
                            "customer-1",
                            OrderStatus.PLACED,
                            2,
                            new BigDecimal("138.80"),
                            "EUR",
                            MONDAY_MORNING,
                            MONDAY_MORNING,
                            0));
        }

        @Test
        void followsLineCountAndTotalAsLinesAreAddedRemovedAndResized() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING);
            apply(order);

            apply(order.lineAdded(line("filter-papers", "Filter papers x100", 3, "4.50")));
            assertThat(summaryOf("order-1"))
                    .returns(2, OrderSummaryView::lineCount)
                    .returns(new BigDecimal("63.30"), OrderSummaryView::total)
                    .returns(1L, OrderSummaryView::version);

            apply(order.quantityChanged("filter-papers", 5));
            assertThat(summaryOf("order-1"))
                    .returns(2, OrderSummaryView::lineCount)
                    .returns(new BigDecimal("72.30"), OrderSummaryView::total)
                    .returns(2L, OrderSummaryView::version);

            apply(order.lineRemoved("espresso-beans"));
            assertThat(summaryOf("order-1"))
                    .returns(1, OrderSummaryView::lineCount)
                    .returns(new BigDecimal("22.50"), OrderSummaryView::total)
                    .returns(3L, OrderSummaryView::version)
                    .returns(OrderStatus.PLACED, OrderSummaryView::status)
                    .returns(MONDAY_MORNING, OrderSummaryView::placedAt)
                    .returns(MONDAY_MORNING.plus(Duration.ofMinutes(3)), OrderSummaryView::updatedAt);
        }

        @Test
        void followsTheStatusFromConfirmedThroughShippedToDelivered() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING);
            apply(order);

            apply(order.confirmed());
            assertStatus("order-1", OrderStatus.CONFIRMED, order.last());

            apply(order.shipped("DHL", "JD014600006281"));
            assertStatus("order-1", OrderStatus.SHIPPED, order.last());

            apply(order.delivered());
            assertStatus("order-1", OrderStatus.DELIVERED, order.last());
            assertThat(summaryOf("order-1").total()).isEqualTo(new BigDecimal("49.80"));
        }

        @Test
        void showsAConfirmedOrderAsCancelledOnceItIsCancelled() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING);
            apply(order.confirmed().cancelled("customer changed their mind"));

            assertStatus("order-1", OrderStatus.CANCELLED, order.last());
        }

        private void assertStatus(String orderId, OrderStatus status, StoredEvent lastEvent) {
            assertThat(summaryOf(orderId))
                    .returns(status, OrderSummaryView::status)
                    .returns(lastEvent.sequenceNumber(), OrderSummaryView::version)
                    .returns(lastEvent.timestamp(), OrderSummaryView::updatedAt)
                    .returns(MONDAY_MORNING, OrderSummaryView::placedAt);
        }
    }

    @Nested
    class Listing {

        @Test
        void listsNewestFirstAndPagesWithTotals() {
            for (int day = 0; day < 5; day++) {
                apply(placedOrder("order-" + day, "customer-1", MONDAY_MORNING.plus(Duration.ofDays(day))));
            }

            OrderPage first = list(null, null, 0, 2);
            OrderPage last = list(null, null, 2, 2);

            assertThat(first.content()).extracting(OrderSummaryView::orderId).containsExactly("order-4", "order-3");
            assertThat(first)
                    .returns(0, OrderPage::page)
                    .returns(2, OrderPage::size)
                    .returns(5L, OrderPage::totalElements)
                    .returns(3, OrderPage::totalPages);
            assertThat(list(null, null, 1, 2).content())
                    .extracting(OrderSummaryView::orderId)
                    .containsExactly("order-2", "order-1");
            assertThat(last.content()).extracting(OrderSummaryView::orderId).containsExactly("order-0");
            assertThat(last).returns(2, OrderPage::page).returns(5L, OrderPage::totalElements);
        }

        @Test
        void ordersOrdersPlacedAtTheSameInstantByTheirId() {
            apply(placedOrder("order-b", "customer-1", MONDAY_MORNING));
            apply(placedOrder("order-a", "customer-2", MONDAY_MORNING));
            apply(placedOrder("order-c", "customer-3", MONDAY_MORNING.minusSeconds(1)));

            assertThat(list(null, null, 0, 10).content())
                    .extracting(OrderSummaryView::orderId)
                    .containsExactly("order-a", "order-b", "order-c");
        }

        @Test
        void filtersByStatus() {
            givenOrdersOfTwoCustomersInEveryState();

            OrderPage confirmed = list(OrderStatus.CONFIRMED, null, 0, 10);

            assertThat(confirmed.content())
                    .extracting(OrderSummaryView::orderId)
                    .containsExactly("anna-confirmed", "ben-confirmed");
            assertThat(confirmed).returns(2L, OrderPage::totalElements).returns(1, OrderPage::totalPages);
        }

        @Test
        void filtersByCustomer() {
            givenOrdersOfTwoCustomersInEveryState();

            OrderPage annasOrders = list(null, "anna", 0, 2);

            assertThat(annasOrders.content())
                    .extracting(OrderSummaryView::orderId)
                    .containsExactly("anna-cancelled", "anna-confirmed");
            assertThat(annasOrders.content())
                    .allSatisfy(order -> assertThat(order.customerId()).isEqualTo("anna"));
            assertThat(annasOrders).returns(3L, OrderPage::totalElements).returns(2, OrderPage::totalPages);
        }

        @Test
        void filtersByStatusAndCustomerTogether() {
            givenOrdersOfTwoCustomersInEveryState();

            OrderPage bensDelivered = list(OrderStatus.DELIVERED, "ben", 0, 10);

            assertThat(bensDelivered.content())
                    .singleElement()
                    .returns("ben-delivered", OrderSummaryView::orderId)
                    .returns(OrderStatus.DELIVERED, OrderSummaryView::status);
            assertThat(bensDelivered).returns(1L, OrderPage::totalElements).returns(1, OrderPage::totalPages);
        }

        @Test
        void answersAnEmptyPageWhenNothingMatches() {
            givenOrdersOfTwoCustomersInEveryState();

            OrderPage none = list(OrderStatus.SHIPPED, "anna", 0, 10);

            assertThat(none.content()).isEmpty();
            assertThat(none).returns(0L, OrderPage::totalElements).returns(0, OrderPage::totalPages);
        }

        private void givenOrdersOfTwoCustomersInEveryState() {
            Instant at = MONDAY_MORNING;
            apply(placedOrder("anna-placed", "anna", at));
            apply(placedOrder("ben-confirmed", "ben", at.plus(Duration.ofHours(1)))
                    .confirmed());
            apply(placedOrder("ben-delivered", "ben", at.plus(Duration.ofHours(2)))
                    .confirmed()
                    .shipped("UPS", "1Z999AA10123456784")
                    .delivered());
            apply(placedOrder("anna-confirmed", "anna", at.plus(Duration.ofHours(3)))
                    .confirmed());
            apply(placedOrder("anna-cancelled", "anna", at.plus(Duration.ofHours(4)))
                    .cancelled("duplicate order"));
        }
    }

    @Nested
    class Redelivery {

        @Test
        void keepsOneRowWhenOrderPlacedArrivesTwice() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING);
            apply(order);
            OrderSummaryView once = summaryOf("order-1");

            apply(order.first());

            OrderPage all = list(null, null, 0, 10);
            assertThat(all.totalElements()).isEqualTo(1);
            assertThat(all.content()).containsExactly(once);
        }

        @Test
        void changesNothingWhenTheLatestEventArrivesAgain() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING)
                    .lineAdded(line("filter-papers", "Filter papers x100", 3, "4.50"));
            apply(order);
            OrderSummaryView once = summaryOf("order-1");

            apply(order.last());

            assertThat(summaryOf("order-1")).isEqualTo(once).returns(1L, OrderSummaryView::version);
        }

        @Test
        void keepsTheNewestStateWhenTheWholeHistoryArrivesAgain() {
            OrderHistory order = placedOrder("order-1", "customer-1", MONDAY_MORNING)
                    .lineAdded(line("filter-papers", "Filter papers x100", 3, "4.50"))
                    .lineRemoved("filter-papers")
                    .confirmed()
                    .shipped("DHL", "JD014600006281");
            apply(order);
            OrderSummaryView once = summaryOf("order-1");

            apply(order);

            assertThat(summaryOf("order-1"))
                    .isEqualTo(once)
                    .returns(OrderStatus.SHIPPED, OrderSummaryView::status)
                    .returns(1, OrderSummaryView::lineCount)
                    .returns(4L, OrderSummaryView::version);
        }
    }

    @Nested
    class Replay {

        @Test
        void resetEmptiesTheList() {
            apply(placedOrder("order-1", "customer-1", MONDAY_MORNING).confirmed());
            apply(placedOrder("order-2", "customer-2", MONDAY_MORNING.plusSeconds(60)));
            flushAndClear();

            projection.reset();

            OrderPage all = list(null, null, 0, 10);
            assertThat(all.content()).isEmpty();
            assertThat(all.totalElements()).isZero();
        }

        @Test
        void rebuildsIdenticalRowsWhenTheHistoryIsReplayedAfterAReset() {
            List<OrderHistory> history = List.of(
                    placedOrder("order-1", "anna", MONDAY_MORNING)
                            .lineAdded(line("filter-papers", "Filter papers x100", 3, "4.50"))
                            .confirmed()
                            .shipped("DHL", "JD014600006281")
                            .delivered(),
                    placedOrder("order-2", "ben", MONDAY_MORNING.plus(Duration.ofHours(1)))
                            .quantityChanged("espresso-beans", 4)
                            .cancelled("found it cheaper elsewhere"),
                    placedOrder("order-3", "anna", MONDAY_MORNING.plus(Duration.ofHours(2))));
            history.forEach(OrderSummaryProjectionTest.this::apply);
            List<OrderSummaryView> before = list(null, null, 0, 100).content();

            projection.reset();
            flushAndClear();
            history.forEach(OrderSummaryProjectionTest.this::apply);

            assertThat(list(null, null, 0, 100).content()).hasSize(3).containsExactlyElementsOf(before);
        }
    }

    private static OrderHistory placedOrder(String orderId, String customerId, Instant at) {
        return OrderHistory.placed(orderId, customerId, at, line("espresso-beans", "Espresso beans 1kg", 2, "24.90"));
    }

    private void apply(OrderHistory order) {
        order.events().forEach(this::apply);
    }

    private void apply(StoredEvent event) {
        event.applyTo(projection);
    }

    /** Reads from the database, not from the persistence context the handlers just wrote to. */
    private OrderPage list(OrderStatus status, String customerId, int page, int size) {
        flushAndClear();
        return projection.handle(new ListOrders(status, customerId, page, size));
    }

    private OrderSummaryView summaryOf(String orderId) {
        return list(null, null, 0, 100).content().stream()
                .filter(summary -> summary.orderId().equals(orderId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(orderId + " is not listed"));
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
