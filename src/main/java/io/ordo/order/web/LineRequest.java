package io.ordo.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A requested line: name and unit price are optional, the catalog supplies them (and they must match it if given). */
record LineRequest(
        @NotBlank String productId,
        String productName,
        @NotNull Integer quantity,
        BigDecimal unitPrice) {}
