package io.ordo.order.api.queries;

import io.ordo.shared.AsOf;

/** The order as it was at a point of its history, rebuilt from its events; answered with an {@link OrderAsOf}. */
public record FindOrderAsOf(String orderId, AsOf asOf) {}
