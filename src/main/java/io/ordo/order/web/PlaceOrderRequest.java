package io.ordo.order.web;

import io.ordo.order.api.SalesChannels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Shape checks only; the order's business rules live in the aggregate. */
record PlaceOrderRequest(
        @Pattern(regexp = OrderIds.PATTERN, message = OrderIds.MESSAGE)
        String orderId,

        @NotBlank String customerId,
        @NotBlank String currency,
        @NotEmpty List<@Valid @NotNull LineRequest> lines,
        @NotNull @Valid AddressRequest shippingAddress,

        // optional: without it the order comes through the default channel, web
        @Pattern(regexp = SalesChannels.PATTERN, message = "must be one of web, store, phone, marketplace")
        String salesChannel) {}
