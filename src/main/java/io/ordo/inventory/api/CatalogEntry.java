package io.ordo.inventory.api;

import java.math.BigDecimal;

public record CatalogEntry(
        String productId, String name, BigDecimal unitPrice, String currency, boolean discontinued) {}
