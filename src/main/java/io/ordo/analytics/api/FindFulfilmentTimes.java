package io.ordo.analytics.api;

/** How long the orders placed in the window took from one step to the next, p50 and p95. */
public record FindFulfilmentTimes(TimeWindow window) {}
