package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentRequested(String orderId, BigDecimal amount, String currency) {}
