package io.ordo.order.api.queries;

/**
 * The processing group that keeps the order list and the order detail ({@link ListOrders}, {@link FindOrder}). A
 * handler that joins it sees each order event in the same batch and transaction as those read models, so what it does
 * after that batch commits (e.g. telling a live page to re-read) finds them updated.
 */
public final class OrderReadModels {

    public static final String PROCESSING_GROUP = "orders";

    private OrderReadModels() {}
}
