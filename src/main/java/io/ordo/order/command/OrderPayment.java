package io.ordo.order.command;

import io.ordo.order.api.PaymentOutcome;
import io.ordo.order.api.PaymentStatus;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Money;
import java.math.BigDecimal;

/**
 * What an order knows about its payment: the amount requested, then the provider's answer (its reference and outcome),
 * then, after a paid order is cancelled, the refund. Only {@link #requireAwaiting} and {@link #requireAmount} check
 * rules; the other methods replay what events say. The requested amount is kept as the event recorded it, in the order's
 * currency, and not checked again as {@link Money}: an order recorded under older bounds still loads.
 */
record OrderPayment(BigDecimal requested, String reference, PaymentOutcome outcome, PaymentStatus status) {

    static final OrderPayment NONE = new OrderPayment(null, null, null, null);

    boolean isRequested() {
        return requested != null;
    }

    boolean isSettled() {
        return outcome != null;
    }

    boolean isRefundRequested() {
        return status == PaymentStatus.REFUND_REQUESTED;
    }

    boolean isRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    /** Whether exactly this answer is already recorded: a webhook delivered twice. */
    boolean hasRecorded(String providerReference, PaymentOutcome answer, Money amount) {
        return providerReference.equals(reference) && answer == outcome && isRequested(amount);
    }

    void requireAwaiting(String orderId) {
        if (!isRequested()) {
            throw new IllegalStateException("no payment has been requested for order " + orderId);
        }
        if (isSettled()) {
            throw new IllegalStateException(
                    "the payment of order " + orderId + " was already " + outcome + " (reference " + reference + ")");
        }
    }

    void requireAmount(Money amount) {
        if (!isRequested(amount)) {
            String currency = amount.currency().getCurrencyCode();
            throw new IllegalStateException("a payment of " + describe(amount.amount(), currency)
                    + " does not match the order total of " + describe(requested, currency));
        }
    }

    OrderPayment requestedFor(BigDecimal amount) {
        return new OrderPayment(amount, null, null, PaymentStatus.REQUESTED);
    }

    OrderPayment answered(String providerReference, PaymentOutcome answer) {
        PaymentStatus answered =
                answer == PaymentOutcome.AUTHORIZED ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
        return new OrderPayment(requested, providerReference, answer, answered);
    }

    OrderPayment withStatus(PaymentStatus changed) {
        return new OrderPayment(requested, reference, outcome, changed);
    }

    private boolean isRequested(Money amount) {
        return requested != null && amount.amount().compareTo(requested) == 0;
    }

    private static String describe(BigDecimal amount, String currency) {
        return BoundedText.excerpt(amount.toPlainString()) + " " + currency;
    }
}
