package io.ordo.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** Shape checks only; the product's rules live in the aggregate. */
record RegisterProductRequest(
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String productId,

        @NotBlank String name,
        @NotNull BigDecimal unitPrice,
        @NotBlank String currency,
        @NotNull Integer initialStock) {}
