package io.ordo.fulfilment;

/** The payment deadline's payload: which order's payment did not arrive in time. Stored as JSON until it fires. */
public record PaymentDeadline(String orderId) {}
