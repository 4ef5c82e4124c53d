package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderLineAdded(String orderId, OrderLine line, BigDecimal total, int lineCount) {}
