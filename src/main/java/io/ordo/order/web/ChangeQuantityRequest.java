package io.ordo.order.web;

import jakarta.validation.constraints.NotNull;

record ChangeQuantityRequest(@NotNull Integer quantity) {}
