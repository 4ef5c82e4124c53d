package io.ordo.fulfilment;

import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.StockShortage;
import io.ordo.inventory.api.commands.CommitStock;
import io.ordo.inventory.api.commands.ReleaseStock;
import io.ordo.inventory.api.commands.ReserveStock;
import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import io.ordo.order.api.commands.RefundPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.platform.ErrorCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fulfilment process, one path per test: what it sends, what it schedules, and where it ends. */
class OrderFulfilmentSagaTest {

    private static final String ORDER = "order-1";
    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(15);
    private static final BigDecimal TOTAL = new BigDecimal("31.00");

    // two mugs at 9.50 and three teas at 4.00
    private static final OrderConfirmed CONFIRMED = new OrderConfirmed(
            ORDER,
            TOTAL,
            "EUR",
            List.of(
                    new OrderLine("tea", "Tea", 3, new BigDecimal("4.00")),
                    new OrderLine("mug", "Mug", 2, new BigDecimal("9.50"))));
    private static final StockReserved MUGS_RESERVED = new StockReserved("mug", ORDER, 2, 8, 2);
    private static final StockReserved TEA_RESERVED = new StockReserved("tea", ORDER, 3, 0, 3);
    private static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER, TOTAL, "EUR");
    private static final OrderPaid PAID = new OrderPaid(ORDER, "psp-1", TOTAL, "EUR");

    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(new FulfilmentProperties(PAYMENT_TIMEOUT));
    }

    @Nested
    class HappyPath {

        @Test
        void reservesEveryLineInProductOrderWhenTheOrderIsConfirmed() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(CONFIRMED)
                    .expectActiveSagas(1)
                    .expectAssociationWith(OrderFulfilmentSaga.ORDER_ID, ORDER)
                    .expectDispatchedCommands(new ReserveStock("mug", ORDER, 2), new ReserveStock("tea", ORDER, 3));
        }

        @Test
        void waitsUntilEveryLineIsReserved() {
            fixture.givenAPublished(CONFIRMED)
                    .whenPublishingA(MUGS_RESERVED)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void requestsPaymentOnceEveryLineIsReserved() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .whenPublishingA(TEA_RESERVED)
                    .expectDispatchedCommands(new RequestPayment(ORDER));
        }

        @Test
        void givesThePaymentADeadlineWhenItIsRequested() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .whenPublishingA(PAYMENT_REQUESTED)
                    .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilmentSaga.PAYMENT_DEADLINE);
        }

        @Test
        void cancelsTheDeadlineWhenThePaymentIsAuthorized() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenPublishingA(PAID)
                    .expectNoScheduledDeadlines()
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void aPaymentDeliveredTwiceChangesNothing() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .andThenAPublished(PAID)
                    .whenPublishingA(PAID)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(1);
        }

        @Test
        void commitsTheReservationsAndEndsWhenTheOrderShips() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .andThenAPublished(PAID)
                    .whenPublishingA(new OrderShipped(ORDER, "DHL", "TRACK-1"))
                    .expectDispatchedCommands(new CommitStock("mug", ORDER), new CommitStock("tea", ORDER))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class OutOfStock {

        @Test
        void rejectsTheOrderNamingTheProductThatIsShort() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .whenPublishingA(new StockReservationRejected("tea", ORDER, 3, 1, StockShortage.OUT_OF_STOCK))
                    .expectDispatchedCommands(new RejectOrder(ORDER, "OUT_OF_STOCK tea"))
                    .expectActiveSagas(1);
        }

        @Test
        void doesNotRequestPaymentWhenTheLastReservationArrivesAfterARefusal() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(new StockReservationRejected("tea", ORDER, 3, 1, StockShortage.OUT_OF_STOCK))
                    .whenPublishingA(MUGS_RESERVED)
                    .expectNoDispatchedCommands();
        }

        @Test
        void releasesWhatWasReservedAndEndsWhenTheOrderIsRejected() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(new StockReservationRejected("tea", ORDER, 3, 1, StockShortage.OUT_OF_STOCK))
                    .whenPublishingA(new OrderRejected(ORDER, "OUT_OF_STOCK tea"))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER))
                    .expectActiveSagas(0);
        }

        @Test
        void rejectsTheOrderWhenAProductIsNotInTheCatalog() {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof ReserveStock reserve
                        && reserve.productId().equals("tea")) {
                    throw new CommandExecutionException("tea does not exist", null, ErrorCategory.NOT_FOUND);
                }
                return 0L;
            });
            fixture.givenNoPriorActivity()
                    .whenPublishingA(CONFIRMED)
                    .expectDispatchedCommands(
                            new ReserveStock("mug", ORDER, 2),
                            new ReserveStock("tea", ORDER, 3),
                            new RejectOrder(ORDER, "UNKNOWN_PRODUCT tea"));
        }
    }

    @Nested
    class PaymentFailures {

        @Test
        void rejectsTheOrderWhenThePaymentIsDeclined() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenPublishingA(new PaymentDeclined(ORDER, "psp-1", TOTAL, "EUR"))
                    .expectDispatchedCommands(new RejectOrder(ORDER, "PAYMENT_DECLINED"))
                    .expectNoScheduledDeadlines();
        }

        /** A rejection that comes while the payment is still awaited (not through a decline) must not leave the timer. */
        @Test
        void cancelsTheDeadlineWhenTheOrderIsRejectedWhileAwaitingPayment() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenPublishingA(new OrderRejected(ORDER, "PAYMENT_DECLINED"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void releasesStockAndEndsOnceADeclinedOrderIsRejected() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .andThenAPublished(new PaymentDeclined(ORDER, "psp-1", TOTAL, "EUR"))
                    .whenPublishingA(new OrderRejected(ORDER, "PAYMENT_DECLINED"))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER), new ReleaseStock("tea", ORDER))
                    .expectActiveSagas(0);
        }

        @Test
        void cancelsTheUnpaidOrderWhenThePaymentDeadlinePasses() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenTimeElapses(PAYMENT_TIMEOUT)
                    .expectTriggeredDeadlinesWithName(OrderFulfilmentSaga.PAYMENT_DEADLINE)
                    .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "payment timeout"));
        }

        @Test
        void doesNothingBeforeTheDeadline() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenTimeElapses(PAYMENT_TIMEOUT.minusSeconds(1))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(1), OrderFulfilmentSaga.PAYMENT_DEADLINE);
        }

        @Test
        void releasesStockAndEndsWhenTheTimedOutOrderIsCancelled() throws Exception {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .andThenTimeElapses(PAYMENT_TIMEOUT)
                    .whenPublishingA(new OrderCancelled(ORDER, "payment timeout", OrderStatus.CONFIRMED))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER), new ReleaseStock("tea", ORDER))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class Cancellation {

        @Test
        void releasesStockAndEndsWhenCancelledWhileReserving() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .whenPublishingA(new OrderCancelled(ORDER, "changed my mind", OrderStatus.CONFIRMED))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER), new ReleaseStock("tea", ORDER))
                    .expectActiveSagas(0);
        }

        @Test
        void releasesStockCancelsTheDeadlineAndEndsWhenCancelledBeforePayment() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .whenPublishingA(new OrderCancelled(ORDER, "changed my mind", OrderStatus.CONFIRMED))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER), new ReleaseStock("tea", ORDER))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void releasesStockAndWaitsForTheRefundWhenAPaidOrderIsCancelled() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(MUGS_RESERVED)
                    .andThenAPublished(TEA_RESERVED)
                    .andThenAPublished(PAYMENT_REQUESTED)
                    .andThenAPublished(PAID)
                    .whenPublishingA(new OrderCancelled(ORDER, "changed my mind", OrderStatus.PAID))
                    .expectDispatchedCommands(new ReleaseStock("mug", ORDER), new ReleaseStock("tea", ORDER))
                    .expectActiveSagas(1);
        }

        @Test
        void issuesTheRefundAPaidCancelledOrderOwes() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(PAID)
                    .andThenAPublished(new OrderCancelled(ORDER, "changed my mind", OrderStatus.PAID))
                    .whenPublishingA(new RefundRequested(ORDER, "psp-1", TOTAL, "EUR"))
                    .expectDispatchedCommands(new RefundPayment(ORDER));
        }

        @Test
        void endsWhenTheRefundIsRecorded() {
            fixture.givenAPublished(CONFIRMED)
                    .andThenAPublished(PAID)
                    .andThenAPublished(new OrderCancelled(ORDER, "changed my mind", OrderStatus.PAID))
                    .andThenAPublished(new RefundRequested(ORDER, "psp-1", TOTAL, "EUR"))
                    .whenPublishingA(new PaymentRefunded(ORDER, "psp-1", TOTAL, "EUR"))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    @Test
    void leavesAnOrderConfirmedBeforeFulfilmentExistedAlone() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrderConfirmed(ORDER, TOTAL, "EUR", null))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
