package io.ordo.order.api;

import java.math.BigDecimal;

/** One product on an order: the unit price is in the order's currency. */
public record OrderLine(String productId, String productName, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
