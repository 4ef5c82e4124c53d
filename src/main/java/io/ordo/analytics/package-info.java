/**
 * Real-time analytics: projections of the event stream (query), their REST endpoints (web) and the live stream of
 * changes as server-sent events (live). docs/api.md#analytics describes the endpoints.
 */
package io.ordo.analytics;
