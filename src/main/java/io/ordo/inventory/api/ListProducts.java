package io.ordo.inventory.api;

/** Every product in the catalog, by product id; discontinued ones only when asked for. */
public record ListProducts(boolean includeDiscontinued) {}
