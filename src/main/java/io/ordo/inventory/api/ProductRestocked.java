package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

/** {@code available} is the available stock after the restock. */
@Revision("1")
public record ProductRestocked(String productId, int quantity, int available) {}
