package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.CANCELLED_WHILE_CONFIRMED;
import static io.ordo.order.command.OrderFixture.CANCELLED_WHILE_PAID;
import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PAID;
import static io.ordo.order.command.OrderFixture.PAYMENT_REQUESTED;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.REFUND_REQUESTED;
import static io.ordo.order.command.OrderFixture.amount;
import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentOutcome;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import io.ordo.order.api.commands.RecordPayment;
import io.ordo.order.api.commands.RefundPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.order.command.OrderFixture.RefusedCommand;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Payment: the request, the provider's answer, the time-out and the refund. The scenarios start from {@link OrderFixture}'s order. */
class OrderPaymentTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

    @Nested
    class RequestingPayment {

        @Test
        void asksForTheOrderTotalOnceConfirmed() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectEvents(PAYMENT_REQUESTED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void requestingTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectsRequestingPaymentForAPlacedOrder() {
            fixture.given(PLACED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a CONFIRMED order can request payment"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingThePaymentProvidersAnswer {

        @Test
        void anAuthorizedPaymentOfTheTotalMakesTheOrderPaid() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.5")))
                    .expectEvents(PAID)
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aDeclinedPaymentIsRecorded() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.DECLINED, amount("25.50")))
                    .expectEvents(new PaymentDeclined(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void anOrderWhosePaymentWasDeclinedStaysConfirmedUntilRejected() {
            fixture.given(
                            PLACED,
                            CONFIRMED,
                            PAYMENT_REQUESTED,
                            new PaymentDeclined(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .when(new RejectOrder(ORDER_ID, "PAYMENT_DECLINED"))
                    .expectEvents(new OrderRejected(ORDER_ID, "PAYMENT_DECLINED"));
        }

        @Test
        void theSameDeliveryTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")))
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
                            "rejectsAnAmountThatIsNotTheOrderTotal",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED),
                            new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("20.00")),
                            "does not match the order total of 25.50 EUR"),
                    RefusedCommand.refused(
                            "rejectsASecondAnswerWithAnotherReference",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID),
                            new RecordPayment(ORDER_ID, "psp-2", PaymentOutcome.AUTHORIZED, amount("25.50")),
                            null),
                    RefusedCommand.refused(
                            "rejectsTheSameReferenceWithAnotherOutcome",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID),
                            new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.DECLINED, amount("25.50")),
                            null),
                    RefusedCommand.refused(
                            "rejectsAPaymentThatWasNeverRequested",
                            List.of(PLACED, CONFIRMED),
                            new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")),
                            "no payment has been requested"),
                    RefusedCommand.refused(
                            "rejectsAPaymentForACancelledOrder",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED, CANCELLED_WHILE_CONFIRMED),
                            new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")),
                            "is CANCELLED"),
                    RefusedCommand.invalid(
                            "rejectsANegativeAmountAsInvalidInput",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED),
                            new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("-25.50")),
                            null));
        }
    }

    @Nested
    class PaymentTimeOut {

        @Test
        void cancelsAnOrderWhosePaymentHasNotArrived() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectEvents(new OrderCancelled(ORDER_ID, "payment timeout", OrderStatus.CONFIRMED))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void leavesAnOrderThatWasPaidInTheMeantime() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void leavesAnOrderThatWasAlreadyCancelled() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, CANCELLED_WHILE_CONFIRMED)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CancellingAPaidOrder {

        @Test
        void cancellingAPaidOrderRequestsARefundOfThePayment() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectEvents(
                            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PAID),
                            new RefundRequested(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void recordsTheRefundOnce() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID, CANCELLED_WHILE_PAID, REFUND_REQUESTED)
                    .when(new RefundPayment(ORDER_ID))
                    .expectEvents(new PaymentRefunded(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void refundingTwiceIsANoOp() {
            fixture.given(
                            PLACED,
                            CONFIRMED,
                            PAYMENT_REQUESTED,
                            PAID,
                            CANCELLED_WHILE_PAID,
                            REFUND_REQUESTED,
                            new PaymentRefunded(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .when(new RefundPayment(ORDER_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(6L);
        }

        @Test
        void rejectsARefundThatIsNotOwed() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RefundPayment(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("owes no refund"))
                    .expectNoEvents();
        }
    }
}
