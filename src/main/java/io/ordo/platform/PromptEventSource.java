package io.ordo.platform;

import io.ordo.platform.storage.EventArrivals;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the pooled processors read it, with the wake-up call the embedded store's streams lack. A pooled
 * processor that has caught up waits for its stream's "events available" callback; a stream that offers none (Axon's
 * embedded event store, on JPA or JDBC) makes it look again only every 500 ms, and that wait was the projections'
 * whole lag. Here such a stream calls back when the store's reader has taken new events in ({@link EventArrivals}:
 * after every commit in this JVM), and every {@code interval} as a safety net, for a stream that reads on its own
 * (a processor behind the reader). Looking costs no query: the processor reads what the reader already holds. A
 * stream with a callback of its own (Axon Server's) keeps it.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final EventArrivals arrivals;
    private final ScheduledExecutorService ticker;
    private final Duration interval;

    PromptEventSource(
            StreamableMessageSource<TrackedEventMessage<?>> store,
            EventArrivals arrivals,
            ScheduledExecutorService ticker,
            Duration interval) {
        this.store = store;
        this.arrivals = arrivals;
        this.ticker = ticker;
        this.interval = interval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new PromptStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile ScheduledFuture<?> wakeUps;
        private volatile Registration onArrival;

        PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (events.setOnAvailableCallback(callback)) {
                return true;
            }
            long nanos = interval.toNanos();
            stopWakeUps();
            onArrival = arrivals.onArrival(callback);
            wakeUps = ticker.scheduleWithFixedDelay(callback, nanos, nanos, TimeUnit.NANOSECONDS);
            return true;
        }

        private void stopWakeUps() {
            Registration registration = onArrival;
            if (registration != null) {
                registration.cancel();
            }
            ScheduledFuture<?> scheduled = wakeUps;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            stopWakeUps();
            events.close();
        }
    }
}
