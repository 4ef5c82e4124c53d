package io.ordo.inventory.api.queries;

public record FindProduct(String productId) {}
