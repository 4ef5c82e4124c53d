package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptEventSourceTest {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @AfterEach
    void stop() {
        ticker.shutdownNow();
    }

    @Test
    void aStreamWithoutCallbacksIsWokenUntilItIsClosed() {
        BlockingStream<TrackedEventMessage<?>> stream =
                source(new Stream(false)).openStream(null);

        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() >= 3);

        stream.close();
        int atClose = wakeUps.get();
        // a tick already running may still land; after that the count must stand still
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> wakeUps.get() <= atClose + 1);
    }

    @Test
    void aStreamWithItsOwnCallbackKeepsIt() throws Exception {
        Stream own = new Stream(true);
        BlockingStream<TrackedEventMessage<?>> stream = source(own).openStream(null);

        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
        ticker.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get();

        assertThat(own.callbackSet).isTrue();
        assertThat(wakeUps).hasValue(0);
    }

    private PromptEventSource source(Stream stream) {
        return new PromptEventSource(
                new StreamableMessageSource<>() {
                    @Override
                    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                        return stream;
                    }
                },
                ticker,
                Duration.ofMillis(5));
    }

    /** An empty stream that may or may not offer a callback of its own. */
    private static final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final boolean offersCallback;
        volatile boolean callbackSet;

        Stream(boolean offersCallback) {
            this.offersCallback = offersCallback;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            callbackSet = offersCallback;
            return offersCallback;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("empty");
        }

        @Override
        public void close() {}
    }
}
