package io.ordo.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.analytics.*}: the stock level that counts as low, and the live stream's limits.
 *
 * @param lowStockBelow a product with fewer units available is low on stock
 * @param live the server-sent event stream of analytics changes
 */
@ConfigurationProperties("ordo.analytics")
public record AnalyticsProperties(
        @DefaultValue("5") int lowStockBelow, @DefaultValue Live live) {

    public AnalyticsProperties {
        if (lowStockBelow < 0) {
            throw new IllegalArgumentException("ordo.analytics.low-stock-below must not be negative");
        }
    }

    /**
     * @param maxStreams streams open at once on this instance (the API's and the console's together); one more is
     *     answered 503 with Retry-After
     * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and a dead client is noticed
     * @param coalesce changes arriving within this time go out as one event
     * @param maxLifetime a stream is closed after this long; the browser's EventSource reconnects by itself
     */
    public record Live(
            @DefaultValue("100") int maxStreams,
            @DefaultValue("30s") Duration heartbeat,
            @DefaultValue("200ms") Duration coalesce,
            @DefaultValue("30m") Duration maxLifetime) {

        public Live {
            if (maxStreams < 1) {
                throw new IllegalArgumentException("ordo.analytics.live.max-streams must be at least 1");
            }
            if (heartbeat.isNegative() || heartbeat.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("ordo.analytics.live heartbeat and max-lifetime must be positive");
            }
            if (coalesce.isNegative() || coalesce.compareTo(Duration.ofSeconds(1)) >= 0) {
                throw new IllegalArgumentException(
                        "ordo.analytics.live.coalesce must be under 1s: a chart moves within a second");
            }
        }
    }
}
