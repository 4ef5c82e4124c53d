package io.ordo.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.analytics.*}; the live streams' own limits are {@code ordo.live.*} (platform/live).
 *
 * @param lowStockBelow a product on sale with fewer units available is low on stock
 * @param liveCoalesce changes committed within this time go out on the live stream as one event
 */
@ConfigurationProperties("ordo.analytics")
public record AnalyticsProperties(
        @DefaultValue("5") int lowStockBelow,
        @DefaultValue("200ms") Duration liveCoalesce) {

    public AnalyticsProperties {
        if (lowStockBelow < 0) {
            throw new IllegalArgumentException("ordo.analytics.low-stock-below must not be negative");
        }
        if (liveCoalesce.isNegative() || liveCoalesce.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException(
                    "ordo.analytics.live-coalesce must be under 1s: a chart moves within a second of the commit");
        }
    }
}
