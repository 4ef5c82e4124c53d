package io.ordo.platform.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.live}: at most {@code max-streams} server-sent-event streams open at once, each closed after
 * {@code timeout} (the browser's EventSource reconnects by itself), a heartbeat comment every {@code heartbeat} so
 * proxies keep idle streams open and gone browsers are found, change signals coalesced per {@code signal-interval},
 * and at most {@code max-queued} messages waiting for the sender.
 */
@ConfigurationProperties("ordo.live")
record LiveStreamsProperties(
        int maxStreams, Duration timeout, Duration heartbeat, Duration signalInterval, int maxQueued) {

    LiveStreamsProperties {
        maxStreams = maxStreams <= 0 ? 500 : maxStreams;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(25) : heartbeat;
        signalInterval = signalInterval == null ? Duration.ofMillis(250) : signalInterval;
        maxQueued = maxQueued <= 0 ? 10_000 : maxQueued;
    }
}
