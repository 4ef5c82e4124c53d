package io.ordo.order.api;

/** The payment provider's answer to a payment request. */
public enum PaymentOutcome {
    AUTHORIZED,
    DECLINED
}
