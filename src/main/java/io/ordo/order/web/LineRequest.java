package io.ordo.order.web;

import io.ordo.order.api.OrderLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

record LineRequest(
        @NotBlank String productId,
        @NotBlank String productName,
        @NotNull Integer quantity,
        @NotNull BigDecimal unitPrice) {

    OrderLine toLine() {
        return new OrderLine(productId, productName, quantity, unitPrice);
    }
}
