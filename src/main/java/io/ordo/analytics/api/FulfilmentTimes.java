package io.ordo.analytics.api;

import java.util.List;

/**
 * Per step (confirmed → paid, paid → shipped, shipped → delivered) how many orders of the window took it and the
 * exact 50th and 95th percentile of their times in milliseconds (a time one of the orders took: the nearest-rank
 * percentile), null when none took it.
 */
public record FulfilmentTimes(TimeWindow window, List<StepTime> steps) {

    public FulfilmentTimes {
        steps = List.copyOf(steps);
    }

    public record StepTime(String from, String to, long orders, Long p50Millis, Long p95Millis) {}
}
