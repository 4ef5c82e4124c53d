package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.CANCELLED;
import static io.ordo.order.command.OrderFixture.CANCELLED_WHILE_CONFIRMED;
import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.DELIVERED;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PAID;
import static io.ordo.order.command.OrderFixture.PAYMENT_REQUESTED;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.SHIPPED;
import static io.ordo.order.command.OrderFixture.amount;
import static io.ordo.order.command.OrderFixture.line;
import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.DeliverOrder;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.ShipOrder;
import io.ordo.order.command.OrderFixture.RefusedCommand;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The order's lifecycle: which step each status allows, and what a step already taken answers. The scenarios start from {@link OrderFixture}'s order. */
class OrderLifecycleTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

    @Nested
    class ConfirmingAnOrder {

        @Test
        void confirmsAPlacedOrderWithItsTotalAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CONFIRMED)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void confirmsTheTotalAsChangedByEarlierLineChanges() {
            fixture.given(
                            PLACED,
                            new OrderLineAdded(ORDER_ID, line("lamp", 1, "7.25"), amount("32.75"), 3),
                            new OrderLineQuantityChanged(ORDER_ID, "book", 1, amount("22.75")),
                            new OrderLineRemoved(ORDER_ID, "pen", amount("17.25"), 2))
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectEvents(new OrderConfirmed(
                            ORDER_ID, amount("17.25"), EUR, List.of(line("book", 1, "10.00"), line("lamp", 1, "7.25"))))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void confirmingAConfirmedOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsConfirmingAnOrderWhoseLinesWereAllRemoved",
                            List.of(
                                    PLACED,
                                    new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1),
                                    new OrderLineRemoved(ORDER_ID, "pen", amount("0.00"), 0)),
                            new ConfirmOrder(ORDER_ID),
                            "no lines"),
                    RefusedCommand.refused(
                            "rejectsConfirmingAShippedOrder",
                            List.of(PLACED, CONFIRMED, SHIPPED),
                            new ConfirmOrder(ORDER_ID),
                            "only a PLACED order can confirm"),
                    RefusedCommand.refused(
                            "rejectsConfirmingACancelledOrder",
                            List.of(PLACED, CANCELLED),
                            new ConfirmOrder(ORDER_ID),
                            "only a PLACED order can confirm"));
        }
    }

    @Nested
    class ShippingAnOrder {

        @Test
        void shipsAPaidOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(SHIPPED)
                    .expectResultMessagePayload(4L);
        }

        @Test
        void shippingAShippedOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsShippingAShippedOrderAgainWithAnotherTrackingNumber",
                            List.of(PLACED, CONFIRMED, SHIPPED),
                            new ShipOrder(ORDER_ID, "DHL", "TRACK-2"),
                            "is SHIPPED"),
                    RefusedCommand.refused(
                            "rejectsShippingAnUnconfirmedOrder",
                            List.of(PLACED),
                            new ShipOrder(ORDER_ID, "DHL", "TRACK-1"),
                            "only a PAID order can ship"),
                    RefusedCommand.refused(
                            "rejectsShippingACancelledOrder",
                            List.of(
                                    PLACED,
                                    CONFIRMED,
                                    new OrderCancelled(ORDER_ID, "out of stock", OrderStatus.CONFIRMED)),
                            new ShipOrder(ORDER_ID, "DHL", "TRACK-1"),
                            "only a PAID order can ship"),
                    RefusedCommand.refused(
                            "rejectsShippingADeliveredOrder",
                            List.of(PLACED, CONFIRMED, SHIPPED, DELIVERED),
                            new ShipOrder(ORDER_ID, "DHL", "TRACK-1"),
                            "only a PAID order can ship"),
                    RefusedCommand.invalid(
                            "rejectsABlankCarrier",
                            List.of(PLACED, CONFIRMED),
                            new ShipOrder(ORDER_ID, " ", "TRACK-1"),
                            "carrier"),
                    RefusedCommand.invalid(
                            "rejectsAMissingCarrier",
                            List.of(PLACED, CONFIRMED),
                            new ShipOrder(ORDER_ID, null, "TRACK-1"),
                            "carrier"),
                    RefusedCommand.invalid(
                            "rejectsABlankTrackingNumber",
                            List.of(PLACED, CONFIRMED),
                            new ShipOrder(ORDER_ID, "DHL", ""),
                            "trackingNumber"));
        }
    }

    @Nested
    class DeliveringAnOrder {

        @Test
        void deliversAShippedOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(DELIVERED)
                    .expectResultMessagePayload(3L);
        }

        @Test
        void deliveringADeliveredOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED, SHIPPED, DELIVERED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsDeliveringAPlacedOrder",
                            List.of(PLACED),
                            new DeliverOrder(ORDER_ID),
                            "only a SHIPPED order can deliver"),
                    RefusedCommand.refused(
                            "rejectsDeliveringAnUnshippedOrder",
                            List.of(PLACED, CONFIRMED),
                            new DeliverOrder(ORDER_ID),
                            "only a SHIPPED order can deliver"),
                    RefusedCommand.refused(
                            "rejectsDeliveringACancelledOrder",
                            List.of(PLACED, CANCELLED),
                            new DeliverOrder(ORDER_ID),
                            "only a SHIPPED order can deliver"));
        }
    }

    @Nested
    class CancellingAnOrder {

        @Test
        void cancelsAPlacedOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PLACED))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cancelsAConfirmedOrderRecordingThatItWasConfirmed() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new CancelOrder(ORDER_ID, "out of stock"))
                    .expectEvents(new OrderCancelled(ORDER_ID, "out of stock", OrderStatus.CONFIRMED))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cancellingACancelledOrderIsANoOp() {
            fixture.given(PLACED, CANCELLED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsCancellingAShippedOrder",
                            List.of(PLACED, CONFIRMED, SHIPPED),
                            new CancelOrder(ORDER_ID, "changed my mind"),
                            "can no longer be cancelled"),
                    RefusedCommand.refused(
                            "rejectsCancellingADeliveredOrder",
                            List.of(PLACED, CONFIRMED, SHIPPED, DELIVERED),
                            new CancelOrder(ORDER_ID, "changed my mind"),
                            "can no longer be cancelled"),
                    RefusedCommand.invalid(
                            "rejectsABlankReason", List.of(PLACED), new CancelOrder(ORDER_ID, "   "), "reason"),
                    RefusedCommand.invalid(
                            "rejectsAMissingReason", List.of(PLACED), new CancelOrder(ORDER_ID, null), "reason"));
        }
    }

    @Nested
    class RejectingAnOrder {

        @Test
        void rejectsAConfirmedOrderWithTheReason() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RejectOrder(ORDER_ID, "OUT_OF_STOCK book"))
                    .expectEvents(new OrderRejected(ORDER_ID, "OUT_OF_STOCK book"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectingTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, new OrderRejected(ORDER_ID, "OUT_OF_STOCK book"))
                    .when(new RejectOrder(ORDER_ID, "PAYMENT_DECLINED"))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "aCancelledOrderCannotBeRejected",
                            List.of(PLACED, CONFIRMED, CANCELLED_WHILE_CONFIRMED),
                            new RejectOrder(ORDER_ID, "OUT_OF_STOCK book"),
                            null),
                    RefusedCommand.refused(
                            "aRejectedOrderCannotBeCancelled",
                            List.of(PLACED, CONFIRMED, new OrderRejected(ORDER_ID, "OUT_OF_STOCK book")),
                            new CancelOrder(ORDER_ID, "changed my mind"),
                            "can no longer be cancelled"));
        }
    }

    @Nested
    class OrdersConfirmedBeforeFulfilment {

        private static final OrderConfirmed CONFIRMED_BEFORE_FULFILMENT =
                new OrderConfirmed(ORDER_ID, amount("25.50"), EUR, null);

        @Test
        void stillShipWithoutAPayment() {
            fixture.given(PLACED, CONFIRMED_BEFORE_FULFILMENT)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectEvents(SHIPPED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anOrderConfirmedSinceNeedsItsPaymentToShip() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PAID order can ship"))
                    .expectNoEvents();
        }
    }
}
