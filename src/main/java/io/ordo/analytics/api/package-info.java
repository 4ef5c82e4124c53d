/**
 * The analytics' public contract: its queries (every figure over a {@link io.ordo.analytics.api.TimeWindow} of order
 * placement), their results, and the subscription query whose updates say which figures changed. Analytics records
 * no events of its own.
 */
package io.ordo.analytics.api;
