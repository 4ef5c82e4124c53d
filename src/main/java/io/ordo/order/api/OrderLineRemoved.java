package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderLineRemoved(String orderId, String productId, BigDecimal total, int lineCount) {}
