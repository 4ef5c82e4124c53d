package io.ordo.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class LiveStreamsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LiveStreams streams = new LiveStreams(
            new LiveStreamsProperties(2, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMillis(10), 10),
            meters);

    @AfterEach
    void stop() {
        streams.destroy();
    }

    @Test
    void oneStreamBeyondTheBoundIsRefusedWith503AndCountsNothing() {
        streams.open("orders");
        streams.open("events");

        assertThatThrownBy(() -> streams.open("orders"))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        refused -> assertThat(refused.getStatusCode().value()).isEqualTo(503));
        assertThat(streams.openStreams()).isEqualTo(2);
        assertThat(meters.get("ordo.live.streams").gauge().value()).isEqualTo(2.0);
    }
}
