package io.ordo.order.web;

import jakarta.validation.constraints.NotBlank;

record ShipRequest(@NotBlank String carrier, @NotBlank String trackingNumber) {}
