package io.ordo.inventory.web;

import jakarta.validation.constraints.NotNull;

record RestockRequest(@NotNull Integer quantity) {}
