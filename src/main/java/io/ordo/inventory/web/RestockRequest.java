package io.ordo.inventory.web;

import io.ordo.inventory.api.ProductLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record RestockRequest(
        @NotNull @Min(1) @Max(ProductLimits.MAX_UNITS) Integer quantity) {}
