package io.ordo.inventory.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.platform.web.AmountOfMoney;
import io.ordo.platform.web.BoundedAmountDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

record PriceRequest(
        @NotNull
        @JsonDeserialize(using = BoundedAmountDeserializer.class)
        @PositiveOrZero
        @AmountOfMoney
        @Schema(description = AmountOfMoney.DESCRIPTION, minimum = "0", multipleOf = 0.01)
        BigDecimal unitPrice) {}
