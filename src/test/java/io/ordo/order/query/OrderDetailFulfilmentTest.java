package io.ordo.order.query;

import static io.ordo.order.query.OrderHistory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.StockStatus;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import io.ordo.support.ProjectionSliceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

/** What the order detail shows of fulfilment: payment status, stock reservation, rejection and refund. */
@ProjectionSliceTest
class OrderDetailFulfilmentTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");
    private static final OrderLine BEANS = line("espresso-beans", "Espresso beans 1kg", 2, "24.90");
    private static final BigDecimal TOTAL = new BigDecimal("49.80");

    @Autowired
    private OrderDetailProjection projection;

    @Autowired
    private TestEntityManager entityManager;

    private long version;

    @BeforeEach
    void confirmedOrder() {
        OrderHistory.placed("order-1", "customer-1", MONDAY_MORNING, BEANS).confirmed().events().stream()
                .peek(event -> version = event.sequenceNumber())
                .forEach(event -> event.applyTo(projection));
    }

    @Test
    void aConfirmedOrderIsReservingItsStockAndHasNoPaymentYet() {
        OrderView order = order();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.stock()).isEqualTo(StockStatus.RESERVING);
        assertThat(order.paymentStatus()).isNull();
    }

    @Test
    void aRequestedPaymentMeansTheStockIsReserved() {
        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), ++version, at());

        assertThat(order())
                .returns(PaymentStatus.REQUESTED, OrderView::paymentStatus)
                .returns(StockStatus.RESERVED, OrderView::stock)
                .returns(version, OrderView::version);
    }

    @Test
    void aPaidOrderShipsAndCommitsItsStock() {
        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), ++version, at());
        projection.on(new OrderPaid("order-1", "psp-1", TOTAL, "EUR"), ++version, at());
        assertThat(order().status()).isEqualTo(OrderStatus.PAID);

        projection.on(new OrderShipped("order-1", "DHL", "T-1"), ++version, at());

        assertThat(order())
                .returns(OrderStatus.SHIPPED, OrderView::status)
                .returns(PaymentStatus.AUTHORIZED, OrderView::paymentStatus)
                .returns(StockStatus.COMMITTED, OrderView::stock);
    }

    @Test
    void aRejectedOrderShowsWhyAndThatItsStockWasReleased() {
        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), ++version, at());
        projection.on(new PaymentDeclined("order-1", "psp-1", TOTAL, "EUR"), ++version, at());
        projection.on(new OrderRejected("order-1", "PAYMENT_DECLINED"), ++version, at());

        assertThat(order())
                .returns(OrderStatus.REJECTED, OrderView::status)
                .returns("PAYMENT_DECLINED", OrderView::rejectionReason)
                .returns(PaymentStatus.DECLINED, OrderView::paymentStatus)
                .returns(StockStatus.RELEASED, OrderView::stock);
    }

    @Test
    void aCancelledPaidOrderShowsItsRefund() {
        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), ++version, at());
        projection.on(new OrderPaid("order-1", "psp-1", TOTAL, "EUR"), ++version, at());
        projection.on(new OrderCancelled("order-1", "changed my mind", OrderStatus.PAID), ++version, at());
        projection.on(new RefundRequested("order-1", "psp-1", TOTAL, "EUR"), ++version, at());
        assertThat(order().paymentStatus()).isEqualTo(PaymentStatus.REFUND_REQUESTED);

        projection.on(new PaymentRefunded("order-1", "psp-1", TOTAL, "EUR"), ++version, at());

        assertThat(order())
                .returns(OrderStatus.CANCELLED, OrderView::status)
                .returns(PaymentStatus.REFUNDED, OrderView::paymentStatus)
                .returns(StockStatus.RELEASED, OrderView::stock);
    }

    @Test
    void anOldPaymentEventDeliveredAgainChangesNothing() {
        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), ++version, at());
        projection.on(new OrderRejected("order-1", "OUT_OF_STOCK espresso-beans"), ++version, at());

        projection.on(new PaymentRequested("order-1", TOTAL, "EUR"), version - 1, at());

        assertThat(order().stock()).isEqualTo(StockStatus.RELEASED);
    }

    private Instant at() {
        return MONDAY_MORNING.plus(Duration.ofMinutes(version));
    }

    private OrderView order() {
        entityManager.flush();
        entityManager.clear();
        return projection.handle(new FindOrder("order-1")).orElseThrow();
    }
}
