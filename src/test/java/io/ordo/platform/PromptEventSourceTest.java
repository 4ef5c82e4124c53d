package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.platform.storage.EventArrivals;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptEventSourceTest {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final EventArrivals arrivals = new EventArrivals();
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
    void anArrivalWakesAStreamAtOnceAndNoLongerOnceItIsClosed() {
        BlockingStream<TrackedEventMessage<?>> stream =
                source(new Stream(false), Duration.ofHours(1)).openStream(null);
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();

        arrive(3);
        assertThat(wakeUps).hasValue(3);

        stream.close();
        arrive(2);
        assertThat(wakeUps).hasValue(3);
    }

    @Test
    void aNewCallbackReplacesTheOldOne() {
        AtomicInteger old = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream =
                source(new Stream(false), Duration.ofHours(1)).openStream(null);
        stream.setOnAvailableCallback(old::incrementAndGet);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        arrive(1);

        assertThat(old).hasValue(0);
        assertThat(wakeUps).hasValue(1);
    }

    /** What the storage engine does for the store's reader: each event is announced as it is read. */
    private void arrive(int events) {
        try (java.util.stream.Stream<Integer> read =
                arrivals.announcing(IntStream.range(0, events).boxed())) {
            assertThat(read.toList()).hasSize(events);
        }
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
        return source(stream, Duration.ofMillis(5));
    }

    private PromptEventSource source(Stream stream, Duration interval) {
        return new PromptEventSource(
                new StreamableMessageSource<>() {
                    @Override
                    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                        return stream;
                    }
                },
                arrivals,
                ticker,
                interval);
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
