package io.ordo.inventory.api.queries;

import java.math.BigDecimal;

/**
 * A product as the read side knows it at {@code version}. {@code available + reserved + committed} is all the stock
 * ever registered or restocked.
 */
public record ProductView(
        String productId,
        String name,
        BigDecimal unitPrice,
        String currency,
        int available,
        int reserved,
        int committed,
        boolean discontinued,
        long version) {}
