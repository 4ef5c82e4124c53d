package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

/** {@code available} and {@code reserved} are the product's stock after the release. */
@Revision("1")
public record StockReleased(String productId, String orderId, int quantity, int available, int reserved) {}
