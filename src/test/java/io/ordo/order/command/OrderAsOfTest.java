package io.ordo.order.command;

import static io.ordo.order.command.OrderFixtures.CONFIRMED;
import static io.ordo.order.command.OrderFixtures.EUR;
import static io.ordo.order.command.OrderFixtures.ORDER_ID;
import static io.ordo.order.command.OrderFixtures.PLACED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.queries.OrderAsOf;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The order as its history shows it: the state its events rebuild, with the payment's answer. */
class OrderAsOfTest {

    private static final BigDecimal TOTAL = new BigDecimal("25.50");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aPaidOrderShowsThePaymentAuthorizedWithItsReference() {
        Order order = rebuilt();
        order.on(new OrderPaid(ORDER_ID, "psp-1", TOTAL, EUR));

        OrderAsOf asOf = order.asOf(3, AT);

        assertThat(asOf.status()).isEqualTo(OrderStatus.PAID);
        assertThat(asOf.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(asOf.paymentReference()).isEqualTo("psp-1");
        assertThat(asOf.total()).isEqualByComparingTo(TOTAL);
        assertThat(asOf.version()).isEqualTo(3);
        assertThat(asOf.recordedAt()).isEqualTo(AT);
        assertThat(asOf.shipment()).isNull();
    }

    @Test
    void aDeclinedPaymentShowsAsDeclined() {
        Order order = rebuilt();
        order.on(new PaymentDeclined(ORDER_ID, "psp-2", TOTAL, EUR));

        assertThat(order.asOf(3, AT).paymentStatus()).isEqualTo(PaymentStatus.DECLINED);
    }

    /** Placed, confirmed and asked to pay, as the event store would hand it to Axon. */
    private static Order rebuilt() {
        Order order = new Order();
        order.on(PLACED);
        order.on(CONFIRMED);
        order.on(new PaymentRequested(ORDER_ID, TOTAL, EUR));
        return order;
    }
}
