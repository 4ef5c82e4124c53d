package io.ordo.order.api;

/**
 * The most an order may hold, one place for the request records (Bean Validation, hence the OpenAPI document) and the
 * Order aggregate. Every text limit stays within its read-model column (VARCHAR(255), cancellation and rejection
 * reasons VARCHAR(500)), so no command can record what a projection cannot store.
 */
public final class OrderLimits {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_PRODUCT_NAME = 200;

    public static final int MAX_ADDRESS_NAME = 200;
    public static final int MAX_STREET = 200;
    public static final int MAX_POSTAL_CODE = 32;
    public static final int MAX_CITY = 100;
    public static final int MAX_COUNTRY = 100;

    public static final int MAX_CARRIER = 100;
    public static final int MAX_TRACKING_NUMBER = 100;
    public static final int MAX_REASON = 500;

    private OrderLimits() {}
}
