/**
 * The console's dashboard, its landing page: KPI tiles and charts of the analytics (through the analytics' queries on
 * the gateway), refreshed live from the analytics stream (topic {@code analytics} of the platform's live streams).
 */
package io.ordo.console.dashboard;
