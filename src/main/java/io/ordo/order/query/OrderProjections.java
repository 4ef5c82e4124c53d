package io.ordo.order.query;

import io.ordo.order.api.queries.OrderReadModels;

/** The processing groups of the order read models. */
public final class OrderProjections {

    /** Order summary and order detail: one processor, so both are updated in the same transaction. */
    public static final String GROUP = OrderReadModels.PROCESSING_GROUP;

    /** Orders per customer. */
    public static final String CUSTOMERS_GROUP = "customers";

    private OrderProjections() {}
}
