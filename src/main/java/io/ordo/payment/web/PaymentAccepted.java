package io.ordo.payment.web;

/** The answer to a webhook delivery: the order and its version after recording it. */
record PaymentAccepted(String orderId, long version) {}
