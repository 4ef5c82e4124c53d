package io.ordo.analytics.api;

/**
 * The live analytics stream as other features serve it (the console): the bean of this name is a
 * {@code io.ordo.platform.live.LiveStreams} that sends an {@value #EVENT} event with an {@link AnalyticsChange} as
 * JSON whenever figures changed.
 */
public final class AnalyticsStream {

    public static final String BEAN = "analyticsLiveStreams";

    public static final String EVENT = "analytics";

    private AnalyticsStream() {}
}
