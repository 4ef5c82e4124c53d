package io.ordo.inventory.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductRegistered(
        String productId, String name, BigDecimal unitPrice, String currency, int initialStock) {}
