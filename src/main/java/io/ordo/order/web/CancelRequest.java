package io.ordo.order.web;

import io.ordo.order.api.OrderLimits;
import io.ordo.shared.BoundedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CancelRequest(
        @Schema(example = "customer called")
        @NotBlank
        @Size(min = 1, max = OrderLimits.MAX_REASON)
        @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
        String reason) {}
