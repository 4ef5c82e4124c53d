package io.ordo.analytics.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The orders placed in the window by the furthest step each reached: placed, confirmed, paid, shipped, delivered.
 * Conversions are shares from 0 to 1 with four decimals: of the step before, and of the orders placed. {@code exits}
 * counts the orders that left, by how (CANCELLED or REJECTED), the status they left from and the reason code
 * (OUT_OF_STOCK, DISCONTINUED, UNKNOWN_PRODUCT, UNAVAILABLE, PAYMENT_DECLINED, PAYMENT_TIMEOUT, or a person's
 * cancellation reason), most first.
 */
public record Funnel(TimeWindow window, List<FunnelStage> stages, List<FunnelExit> exits) {

    public Funnel {
        stages = List.copyOf(stages);
        exits = List.copyOf(exits);
    }

    public record FunnelStage(String step, long orders, BigDecimal fromPrevious, BigDecimal fromPlaced) {}

    public record FunnelExit(String kind, String fromStatus, String reason, long orders) {}
}
