package io.ordo.inventory.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.platform.web.BoundedAmountDeserializer;
import io.ordo.shared.Money;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

record PriceRequest(
        @NotNull
        @JsonDeserialize(using = BoundedAmountDeserializer.class)
        @PositiveOrZero
        @Digits(integer = Money.MAX_INTEGER_DIGITS, fraction = Money.MAX_DECIMALS)
        BigDecimal unitPrice) {}
