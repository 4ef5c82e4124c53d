package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

/** The product could not hold {@code quantity} units for the order; {@code available} is what it had. */
@Revision("1")
public record StockReservationRejected(
        String productId, String orderId, int quantity, int available, StockShortage reason) {}
