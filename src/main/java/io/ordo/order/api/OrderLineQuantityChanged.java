package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderLineQuantityChanged(String orderId, String productId, int quantity, BigDecimal total) {}
