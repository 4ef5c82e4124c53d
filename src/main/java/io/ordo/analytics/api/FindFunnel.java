package io.ordo.analytics.api;

/** How far the orders placed in the window got, and why the others left. */
public record FindFunnel(TimeWindow window) {}
