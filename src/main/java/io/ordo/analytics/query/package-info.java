/**
 * The analytics read model: one row per order with the time of each step, one per order line, one per product's stock,
 * written by processor {@value io.ordo.analytics.query.AnalyticsProjection#GROUP} in JDBC batches; every figure is a
 * query over them.
 */
package io.ordo.analytics.query;
