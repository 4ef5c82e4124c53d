package io.ordo.order.command;

import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;

/**
 * What the order's scenarios share: the order most start from, its events, and how a command is built. Expected events
 * spell out amounts at the scale the aggregate records them (the currency's minor units, so EUR 9.5 is recorded as
 * 9.50), because a change of scale changes what projections and clients see.
 */
final class OrderFixture {

    static final String ORDER_ID = "order-1";
    static final String CUSTOMER_ID = "customer-1";
    static final String EUR = "EUR";
    static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical Street", "10115", "Berlin", "DE");

    // the order most scenarios start from: 2 x 10.00 + 1 x 5.50 = 25.50 EUR
    static final OrderLine BOOK = line("book", 2, "10.00");
    static final OrderLine PEN = line("pen", 1, "5.50");
    static final OrderPlaced PLACED =
            new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK, PEN), ADDRESS, amount("25.50"));
    static final OrderConfirmed CONFIRMED = new OrderConfirmed(ORDER_ID, amount("25.50"), EUR, List.of(BOOK, PEN));
    static final OrderShipped SHIPPED = new OrderShipped(ORDER_ID, "DHL", "TRACK-1");
    static final OrderDelivered DELIVERED = new OrderDelivered(ORDER_ID);
    static final OrderCancelled CANCELLED = new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PLACED);
    static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER_ID, amount("25.50"), EUR);
    static final OrderPaid PAID = new OrderPaid(ORDER_ID, "psp-1", amount("25.50"), EUR);
    static final OrderCancelled CANCELLED_WHILE_CONFIRMED =
            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.CONFIRMED);
    static final OrderCancelled CANCELLED_WHILE_PAID =
            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PAID);
    static final RefundRequested REFUND_REQUESTED = new RefundRequested(ORDER_ID, "psp-1", amount("25.50"), EUR);

    private OrderFixture() {}

    /** A fresh aggregate fixture; each test gets its own, as each test class holds it in an instance field. */
    static FixtureConfiguration<Order> newFixture() {
        return new AggregateTestFixture<>(Order.class);
    }

    static PlaceOrder placeOrder(OrderLine... lines) {
        return placeOrderIn(EUR, lines);
    }

    static PlaceOrder placeOrderIn(String currency, OrderLine... lines) {
        return new PlaceOrder(ORDER_ID, CUSTOMER_ID, currency, List.of(lines), ADDRESS);
    }

    static OrderPlaced placed(BigDecimal total, OrderLine... lines) {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, List.of(lines), ADDRESS, total);
    }

    static OrderLine line(String productId, int quantity, String unitPrice) {
        return new OrderLine(productId, "Product " + productId, quantity, new BigDecimal(unitPrice));
    }

    static List<OrderLine> productsAtOneEuro(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> line("product-" + i, 1, "1.00"))
                .toList();
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    /**
     * A command the order refuses, after the events {@code given}, with nothing recorded: {@link #invalid} input
     * (a 400) or a step the order {@link #refused} in its state (a 409), its message containing {@code message} when
     * one is given. Named by the rule it checks, so a parameterised case reads as the test it replaces.
     */
    record RefusedCommand(
            String rule, List<?> given, Object command, Class<? extends Exception> exception, String message) {

        static RefusedCommand invalid(String rule, List<?> given, Object command, String message) {
            return new RefusedCommand(rule, given, command, IllegalArgumentException.class, message);
        }

        static RefusedCommand refused(String rule, List<?> given, Object command, String message) {
            return new RefusedCommand(rule, given, command, IllegalStateException.class, message);
        }

        void assertRefusedBy(FixtureConfiguration<Order> fixture) {
            ResultValidator<Order> result = fixture.given(given).when(command).expectException(exception);
            if (message != null) {
                result.expectExceptionMessage(containsString(message));
            }
            result.expectNoEvents();
        }

        @Override
        public String toString() {
            return rule;
        }
    }
}
