package io.ordo.order.web;

import io.ordo.order.api.OrderLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record ChangeQuantityRequest(
        @NotNull @Min(1) @Max(OrderLimits.MAX_QUANTITY) Integer quantity) {}
