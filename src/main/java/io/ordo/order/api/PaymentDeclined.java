package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentDeclined(String orderId, String providerReference, BigDecimal amount, String currency) {}
