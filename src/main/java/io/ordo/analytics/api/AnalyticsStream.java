package io.ordo.analytics.api;

/**
 * The live analytics stream as any controller serves it (the API's, the console's): open a stream of topic
 * {@value #TOPIC} on {@code io.ordo.platform.live.LiveStreams}; it carries an event named {@value #EVENT} whose data is
 * an {@link AnalyticsChange} as JSON, within a second of the commit of events that changed figures.
 */
public final class AnalyticsStream {

    public static final String TOPIC = "analytics";

    public static final String EVENT = "analytics";

    private AnalyticsStream() {}
}
