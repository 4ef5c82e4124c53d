/**
 * Server-sent events for pages and clients that watch the service live: {@link LiveStreams} fans a topic's messages
 * out to every open stream, off the publishing thread, with a bound on open streams and a rare heartbeat.
 */
package io.ordo.platform.live;
