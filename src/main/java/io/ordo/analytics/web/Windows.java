package io.ordo.analytics.web;

import io.ordo.analytics.api.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The window a request asks for: a named one ending now ({@code window=1h}), or {@code from} and {@code to}, never
 * both; the last 24 hours by default. Every rule broken is a 400 that names it.
 */
final class Windows {

    /** The names {@code window} takes, as a regular expression for validation and the document. */
    static final String NAMES = "15m|1h|24h|7d|30d|365d";

    static final String DEFAULT = "24h";

    private static final Map<String, Duration> LENGTHS = Map.of(
            "15m", Duration.ofMinutes(15),
            "1h", Duration.ofHours(1),
            "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30),
            "365d", Duration.ofDays(365));

    private Windows() {}

    static TimeWindow resolve(String window, Instant from, Instant to, Clock clock) {
        if (window != null && (from != null || to != null)) {
            throw badRequest("give either window or from and to, not both");
        }
        if (from == null && to == null) {
            return TimeWindow.lastBefore(LENGTHS.get(window == null ? DEFAULT : window), endingNow(clock));
        }
        if (from == null || to == null) {
            throw badRequest("from and to go together");
        }
        return valid(() -> new TimeWindow(from, to));
    }

    /**
     * Now, rounded up to the next second: requests within a second ask the same query, which the analytics answer
     * once for all of them until the figures change.
     */
    static Instant endingNow(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Builds a query, its own rules broken answered as 400 with their message. */
    static <T> T valid(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException invalid) {
            throw badRequest(invalid.getMessage());
        }
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
