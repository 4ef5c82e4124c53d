package io.ordo.inventory.api;

/** Why a reservation was refused. */
public enum StockShortage {
    /** Fewer units are available than the order asks for. */
    OUT_OF_STOCK,
    /** The product is no longer sold. */
    DISCONTINUED
}
