package io.ordo.order.api;

/**
 * PLACED → CONFIRMED → PAID → SHIPPED → DELIVERED; an order is CANCELLED on request (before it ships) or when its payment
 * does not arrive in time, and REJECTED when the shop cannot fulfil it (stock or payment).
 */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    PAID,
    REJECTED
}
