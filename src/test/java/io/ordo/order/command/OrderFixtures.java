package io.ordo.order.command;

import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.ShippingAddress;
import java.math.BigDecimal;
import java.util.List;

/** The order most of the Order's scenarios start from: 2 x 10.00 + 1 x 5.50 = 25.50 EUR. */
final class OrderFixtures {

    static final String ORDER_ID = "order-1";
    static final String EUR = "EUR";
    static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical Street", "10115", "Berlin", "DE");
    static final OrderLine BOOK = line("book", 2, "10.00");
    static final OrderLine PEN = line("pen", 1, "5.50");
    static final OrderPlaced PLACED =
            new OrderPlaced(ORDER_ID, "customer-1", EUR, List.of(BOOK, PEN), ADDRESS, new BigDecimal("25.50"));
    static final OrderConfirmed CONFIRMED =
            new OrderConfirmed(ORDER_ID, new BigDecimal("25.50"), EUR, List.of(BOOK, PEN));

    private OrderFixtures() {}

    static OrderLine line(String productId, int quantity, String unitPrice) {
        return new OrderLine(productId, productId, quantity, new BigDecimal(unitPrice));
    }
}
