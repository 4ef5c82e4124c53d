package io.ordo.inventory.query;

/** The processing groups of the inventory read models. */
public final class InventoryProjections {

    /** Products with their price and stock. */
    public static final String GROUP = "products";

    private InventoryProjections() {}
}
