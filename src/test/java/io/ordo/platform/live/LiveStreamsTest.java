package io.ordo.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class LiveStreamsTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LiveStreams streams =
            new LiveStreams("test", 2, Duration.ofSeconds(30), Duration.ofMinutes(1), timer);

    @AfterEach
    void stop() {
        streams.close();
        timer.shutdownNow();
    }

    @Test
    void refusesAStreamBeyondTheBoundWith503AndRetryAfter() {
        streams.open();
        streams.open();

        assertThatThrownBy(streams::open).isInstanceOfSatisfying(StreamsFull.class, full -> {
            assertThat(full.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(full.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(full.getBody().getDetail()).contains("all 2 test streams");
        });
        assertThat(streams.openStreams()).isEqualTo(2);
    }
}
