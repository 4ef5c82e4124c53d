package io.ordo.inventory.api;

public record FindProduct(String productId) {}
