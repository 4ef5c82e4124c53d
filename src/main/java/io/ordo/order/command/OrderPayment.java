package io.ordo.order.command;

import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentOutcome;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.commands.RecordPayment;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import io.ordo.shared.Money;
import java.math.BigDecimal;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What an order knows about its payment: the amount requested, then the provider's answer (its reference and outcome),
 * then, after a paid order is cancelled, the refund. It is the order's {@code @AggregateMember}: it keeps its state from
 * the payment's own events. {@link #amountOf}, {@link #answer} and {@link #refunded} check the payment's rules and say
 * which event records the outcome; the order checks its own status first. The requested amount is kept as the event
 * recorded it, in the order's currency, and not checked again as {@link Money}: an order recorded under older bounds
 * still loads. Its fields are what the order's snapshot stores of it.
 */
class OrderPayment {

    private BigDecimal requested;
    private String reference;
    private PaymentOutcome outcome;
    private PaymentStatus status;

    @EventSourcingHandler
    void on(PaymentRequested event) {
        requested = event.amount();
        answered(null, null, PaymentStatus.REQUESTED);
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        answered(event.providerReference(), PaymentOutcome.AUTHORIZED, PaymentStatus.AUTHORIZED);
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        answered(event.providerReference(), PaymentOutcome.DECLINED, PaymentStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        status = PaymentStatus.REFUND_REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        status = PaymentStatus.REFUNDED;
    }

    boolean isRequested() {
        return requested != null;
    }

    boolean isSettled() {
        return outcome != null;
    }

    boolean isRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    String reference() {
        return reference;
    }

    PaymentStatus status() {
        return status;
    }

    /** The amount a provider's answer names, in the order's currency; an answer without one is invalid input. */
    static Money amountOf(RecordPayment answer, String currency) {
        Identifiers.require(answer.providerReference(), "providerReference");
        if (answer.outcome() == null || answer.amount() == null) {
            throw new IllegalArgumentException("a payment needs an outcome and an amount");
        }
        return Money.of(answer.amount(), currency);
    }

    /** Whether exactly this answer is already recorded: a webhook delivered twice. */
    boolean hasRecorded(RecordPayment answer, Money amount) {
        return answer.providerReference().equals(reference) && answer.outcome() == outcome && isRequested(amount);
    }

    /** The provider's answer to the payment requested, as the event that records it: paid or declined. */
    Object answer(String orderId, RecordPayment answer, Money amount) {
        requireAwaiting(orderId);
        requireAmount(amount);
        String currency = amount.currency().getCurrencyCode();
        return answer.outcome() == PaymentOutcome.AUTHORIZED
                ? new OrderPaid(orderId, answer.providerReference(), amount.amount(), currency)
                : new PaymentDeclined(orderId, answer.providerReference(), amount.amount(), currency);
    }

    /** The authorized payment owed back to the customer, once its order is cancelled. */
    RefundRequested refundOwed(String orderId, String currency) {
        return new RefundRequested(orderId, reference, requested, currency);
    }

    /** The refund owed, issued; an order that owes none cannot issue one. */
    PaymentRefunded refunded(String orderId, String currency) {
        if (status != PaymentStatus.REFUND_REQUESTED) {
            throw new IllegalStateException("order " + orderId + " owes no refund");
        }
        return new PaymentRefunded(orderId, reference, requested, currency);
    }

    private void requireAwaiting(String orderId) {
        if (!isRequested()) {
            throw new IllegalStateException("no payment has been requested for order " + orderId);
        }
        if (isSettled()) {
            throw new IllegalStateException(
                    "the payment of order " + orderId + " was already " + outcome + " (reference " + reference + ")");
        }
    }

    private void requireAmount(Money amount) {
        if (!isRequested(amount)) {
            String currency = amount.currency().getCurrencyCode();
            throw new IllegalStateException("a payment of " + describe(amount.amount(), currency)
                    + " does not match the order total of " + describe(requested, currency));
        }
    }

    private void answered(String providerReference, PaymentOutcome answer, PaymentStatus answered) {
        reference = providerReference;
        outcome = answer;
        status = answered;
    }

    private boolean isRequested(Money amount) {
        return requested != null && amount.amount().compareTo(requested) == 0;
    }

    private static String describe(BigDecimal amount, String currency) {
        return BoundedText.excerpt(amount.toPlainString()) + " " + currency;
    }
}
