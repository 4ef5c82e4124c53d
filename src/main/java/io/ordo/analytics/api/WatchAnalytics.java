package io.ordo.analytics.api;

/**
 * The subscription query of live analytics: its initial answer is an empty {@link AnalyticsChange}, each update one
 * that a batch of the analytics processor committed.
 */
public record WatchAnalytics() {}
