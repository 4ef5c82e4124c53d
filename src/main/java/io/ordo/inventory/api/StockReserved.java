package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

/** {@code available} and {@code reserved} are the product's stock after the reservation. */
@Revision("1")
public record StockReserved(String productId, String orderId, int quantity, int available, int reserved) {}
