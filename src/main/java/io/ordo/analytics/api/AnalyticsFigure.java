package io.ordo.analytics.api;

/** The groups of figures an event can change, named in {@link AnalyticsChange}. */
public enum AnalyticsFigure {
    SALES,
    PRODUCTS,
    STOCK,
    FUNNEL,
    FULFILMENT_TIMES,
    CUSTOMERS
}
