package io.ordo.inventory.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductPriceChanged(String productId, BigDecimal unitPrice, String currency) {}
