package io.ordo.order.web;

import io.ordo.order.api.OrderLimits;
import io.ordo.order.api.SalesChannels;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Shape checks only; the order's business rules live in the aggregate. */
record PlaceOrderRequest(
        @Size(max = Identifiers.MAX_LENGTH) @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
        String orderId,

        @Schema(example = "customer-42")
        @NotBlank
        @Size(min = 1, max = Identifiers.MAX_LENGTH)
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
        String customerId,

        @Schema(example = "EUR")
        @NotBlank
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @NotEmpty @Size(min = 1, max = OrderLimits.MAX_LINES)
        List<@Valid @NotNull LineRequest> lines,

        @NotNull @Valid AddressRequest shippingAddress,

        // optional: without it the order comes through the default channel, web
        @Schema(example = "web")
        @Pattern(regexp = SalesChannels.PATTERN, message = "must be one of web, store, phone, marketplace")
        String salesChannel) {}
