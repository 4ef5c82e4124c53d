package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PLACED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.order.api.queries.OrderAsOf;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The order as its history shows it: the state its events rebuild, with the payment's answer. */
class OrderAsOfTest {

    private static final BigDecimal TOTAL = new BigDecimal("25.50");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aPaidOrderShowsThePaymentAuthorizedWithItsReference() {
        asOfAfter(new OrderPaid(ORDER_ID, "psp-1", TOTAL, EUR), asOf -> {
            assertThat(asOf.status()).isEqualTo(OrderStatus.PAID);
            assertThat(asOf.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
            assertThat(asOf.paymentReference()).isEqualTo("psp-1");
            assertThat(asOf.total()).isEqualByComparingTo(TOTAL);
            assertThat(asOf.version()).isEqualTo(3);
            assertThat(asOf.recordedAt()).isEqualTo(AT);
            assertThat(asOf.shipment()).isNull();
        });
    }

    @Test
    void aDeclinedPaymentShowsAsDeclined() {
        asOfAfter(
                new PaymentDeclined(ORDER_ID, "psp-2", TOTAL, EUR),
                asOf -> assertThat(asOf.paymentStatus()).isEqualTo(PaymentStatus.DECLINED));
    }

    /**
     * The order placed, confirmed, asked to pay and then given the payment's answer, rebuilt by Axon as the event store
     * would hand it over (so the payment member sources its own state), seen as of version 3. Asking for a payment
     * already requested changes nothing; it only lets the fixture show the state.
     */
    private static void asOfAfter(Object answer, Consumer<OrderAsOf> check) {
        OrderFixture.newFixture()
                .given(PLACED, CONFIRMED, new PaymentRequested(ORDER_ID, TOTAL, EUR), answer)
                .when(new RequestPayment(ORDER_ID))
                .expectNoEvents()
                .expectState(order -> check.accept(order.asOf(3, AT)));
    }
}
