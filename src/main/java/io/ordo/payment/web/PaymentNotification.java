package io.ordo.payment.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.order.api.PaymentOutcome;
import io.ordo.platform.web.AmountOfMoney;
import io.ordo.platform.web.BoundedAmountDeserializer;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The payment provider's webhook body; shape checks only, the order decides whether it fits. The amount is bounded
 * while the body is parsed, whoever parses it.
 */
record PaymentNotification(
        @NotBlank
        @Size(min = 1, max = Identifiers.MAX_LENGTH)
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
        String providerReference,

        @NotNull PaymentOutcome outcome,

        @NotNull
        @JsonDeserialize(using = BoundedAmountDeserializer.class)
        @PositiveOrZero
        @AmountOfMoney
        @Schema(description = AmountOfMoney.DESCRIPTION, minimum = "0", multipleOf = 0.01)
        BigDecimal amount) {}
