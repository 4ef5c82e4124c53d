package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

/** The reservation became a shipment: {@code reserved} and {@code committed} are the stock after it. */
@Revision("1")
public record StockCommitted(String productId, String orderId, int quantity, int reserved, int committed) {}
