package io.ordo.platform.axonserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.axonserver.*}: how long an instance with Axon Server enabled waits at start-up for a connection before it
 * gives up with one line that says what is missing ({@code start-timeout}); {@code 0s} starts without waiting and
 * leaves the connector retrying in the background (Axon's own behaviour, where the processors then fail after 30
 * retries).
 */
@ConfigurationProperties("ordo.axonserver")
public record AxonServerStartProperties(@DefaultValue("10s") Duration startTimeout) {

    public AxonServerStartProperties {
        if (startTimeout.isNegative() || startTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "ordo.axonserver.start-timeout must be between 0s and 10m, was " + startTimeout);
        }
    }
}
