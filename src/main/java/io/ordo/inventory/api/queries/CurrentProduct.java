package io.ordo.inventory.api.queries;

import java.math.BigDecimal;

public record CurrentProduct(
        String productId, String name, BigDecimal unitPrice, String currency, boolean discontinued) {}
