package io.ordo.inventory.api.queries;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The product as the Product aggregate knew it after the event with sequence number {@code version}, recorded at
 * {@code recordedAt}: name, price and stock, with {@code reserved} summed over the orders holding units.
 */
public record ProductAsOf(
        String productId,
        String name,
        BigDecimal unitPrice,
        String currency,
        int available,
        int reserved,
        int committed,
        boolean discontinued,
        long version,
        Instant recordedAt) {}
