package io.ordo.inventory.api;

/**
 * The most a product may hold, one place for the request records (Bean Validation, hence the OpenAPI document) and the
 * Product aggregate; the name fits the read model's VARCHAR(255).
 */
public final class ProductLimits {

    public static final int MAX_NAME = 200;

    /** Units of stock a product holds at most, on the shelf, reserved and shipped together. */
    public static final int MAX_UNITS = 1_000_000;

    private ProductLimits() {}
}
