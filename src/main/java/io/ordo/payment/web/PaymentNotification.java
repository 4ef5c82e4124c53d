package io.ordo.payment.web;

import io.ordo.order.api.PaymentOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The payment provider's webhook body; shape checks only, the order decides whether it fits. */
record PaymentNotification(
        @NotBlank @Size(max = 100) String providerReference,
        @NotNull PaymentOutcome outcome,
        @NotNull BigDecimal amount) {}
