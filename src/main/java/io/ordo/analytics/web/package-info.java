/** The analytics over HTTP: /api/analytics/..., figures over a bounded window and the live stream. */
package io.ordo.analytics.web;
