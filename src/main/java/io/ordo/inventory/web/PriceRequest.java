package io.ordo.inventory.web;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

record PriceRequest(@NotNull BigDecimal unitPrice) {}
