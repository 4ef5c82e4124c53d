/** The live stream of analytics changes: one subscription query per instance, fanned out to server-sent event streams. */
package io.ordo.analytics.live;
