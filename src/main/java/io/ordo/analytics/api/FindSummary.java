package io.ordo.analytics.api;

/** The key figures of a window: per currency orders, revenue and average order value, and the conversion. */
public record FindSummary(TimeWindow window) {}
