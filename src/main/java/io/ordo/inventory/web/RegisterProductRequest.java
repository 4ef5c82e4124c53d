package io.ordo.inventory.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.inventory.api.ProductLimits;
import io.ordo.platform.web.AmountOfMoney;
import io.ordo.platform.web.BoundedAmountDeserializer;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Shape checks only; the product's rules live in the aggregate. */
record RegisterProductRequest(
        @Size(max = Identifiers.MAX_LENGTH) @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
        String productId,

        @NotBlank
        @Size(min = 1, max = ProductLimits.MAX_NAME)
        @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
        String name,

        @NotNull
        @JsonDeserialize(using = BoundedAmountDeserializer.class)
        @PositiveOrZero
        @AmountOfMoney
        @Schema(description = AmountOfMoney.DESCRIPTION, minimum = "0", multipleOf = 0.01)
        BigDecimal unitPrice,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @NotNull @Min(0) @Max(ProductLimits.MAX_UNITS) Integer initialStock) {}
