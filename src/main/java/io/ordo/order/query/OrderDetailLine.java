package io.ordo.order.query;

import io.ordo.order.api.OrderLine;
import io.ordo.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
record OrderDetailLine(
        @Column(name = "product_id", nullable = false) String productId,
        @Column(name = "product_name", nullable = false) String productName,
        @Column(nullable = false) int quantity,

        @Column(name = "unit_price", nullable = false, precision = 19, scale = 2)
        BigDecimal unitPrice) {

    static OrderDetailLine of(OrderLine line) {
        return new OrderDetailLine(line.productId(), line.productName(), line.quantity(), line.unitPrice());
    }

    OrderDetailLine withQuantity(int newQuantity) {
        return new OrderDetailLine(productId, productName, newQuantity, unitPrice);
    }

    OrderLine toLine(String currency) {
        return new OrderLine(
                productId, productName, quantity, Money.of(unitPrice, currency).amount());
    }
}
