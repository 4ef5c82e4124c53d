package io.ordo.order.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A paid order was cancelled: the payment with {@code providerReference} is owed back to the customer. */
@Revision("1")
public record RefundRequested(String orderId, String providerReference, BigDecimal amount, String currency) {}
