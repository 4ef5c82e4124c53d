package io.ordo.order.api.commands;

import io.ordo.order.api.PaymentOutcome;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment provider's answer, as its webhook delivers it. A delivery repeated with the same
 * {@code providerReference} changes nothing; the amount must be the order total, in the order's currency.
 */
public record RecordPayment(
        @TargetAggregateIdentifier String orderId,
        String providerReference,
        PaymentOutcome outcome,
        BigDecimal amount) {}
