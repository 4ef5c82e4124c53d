package io.ordo.inventory.api.queries;

/** Every product, by product id; discontinued ones only when asked for. */
public record ListProducts(boolean includeDiscontinued) {}
