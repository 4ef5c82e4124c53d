package io.ordo.analytics.api;

import java.time.Instant;
import java.util.Set;

/** The figures a committed batch of events changed, and the time of its latest event. */
public record AnalyticsChange(Set<AnalyticsFigure> figures, Instant latestEventAt) {

    public AnalyticsChange {
        figures = Set.copyOf(figures);
    }
}
