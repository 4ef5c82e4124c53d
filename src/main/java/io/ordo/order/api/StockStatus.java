package io.ordo.order.api;

/**
 * The order's stock reservation as its own history shows it: reserving once confirmed, reserved once payment is
 * requested (the fulfilment process asks for payment only when every line is held), committed once shipped, released
 * once rejected or cancelled after confirmation.
 */
public enum StockStatus {
    NOT_RESERVED,
    RESERVING,
    RESERVED,
    COMMITTED,
    RELEASED
}
