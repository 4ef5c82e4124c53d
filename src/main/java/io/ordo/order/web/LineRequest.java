package io.ordo.order.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.order.api.OrderLimits;
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

/** A requested line: name and unit price are optional, the product supplies them (and they must match it if given). */
record LineRequest(
        @Schema(example = "sku-tea")
        @NotBlank
        @Size(min = 1, max = Identifiers.MAX_LENGTH)
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
        String productId,

        @Size(max = OrderLimits.MAX_PRODUCT_NAME) @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
        String productName,

        @Schema(example = "2") @NotNull @Min(1) @Max(OrderLimits.MAX_QUANTITY)
        Integer quantity,

        @JsonDeserialize(using = BoundedAmountDeserializer.class)
        @PositiveOrZero
        @AmountOfMoney
        @Schema(description = AmountOfMoney.DESCRIPTION, minimum = "0", multipleOf = 0.01)
        BigDecimal unitPrice) {}
