package io.ordo.order.web;

import static io.ordo.shared.BoundedText.MESSAGE;
import static io.ordo.shared.BoundedText.PATTERN;

import io.ordo.order.api.OrderLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record ShipRequest(
        @NotBlank @Size(min = 1, max = OrderLimits.MAX_CARRIER) @Pattern(regexp = PATTERN, message = MESSAGE)
        String carrier,

        @NotBlank @Size(min = 1, max = OrderLimits.MAX_TRACKING_NUMBER) @Pattern(regexp = PATTERN, message = MESSAGE)
        String trackingNumber) {}
