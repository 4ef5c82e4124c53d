package io.ordo.order.api;

/** Where an order's payment stands; an order whose payment was never requested has none. */
public enum PaymentStatus {
    REQUESTED,
    AUTHORIZED,
    DECLINED,
    REFUND_REQUESTED,
    REFUNDED
}
