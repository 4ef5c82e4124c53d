package io.ordo.platform.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A bounded set of open server-sent event streams that all receive the same events: one feature publishes, any
 * controller (the API's, the console's) opens a stream for its client. An open stream holds no thread: it is an async
 * request that Tomcat keeps until something is sent. Idle streams cost one timer tick per heartbeat for all of them
 * together, which writes a comment line to each (proxies keep the connection, a client that went away is noticed and
 * its stream closed). Nothing polls per connection.
 */
public final class LiveStreams {

    private final String name;
    private final int maxStreams;
    private final Duration maxLifetime;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledFuture<?> heartbeats;

    /**
     * @param name names the streams in messages
     * @param timer runs the heartbeat; shared, so it must not block
     */
    public LiveStreams(
            String name, int maxStreams, Duration heartbeat, Duration maxLifetime, ScheduledExecutorService timer) {
        this.name = name;
        this.maxStreams = maxStreams;
        this.maxLifetime = maxLifetime;
        this.heartbeats = timer.scheduleAtFixedRate(
                this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new stream, or {@link StreamsFull} when {@code maxStreams} are open already. */
    public SseEmitter open() {
        if (count.incrementAndGet() > maxStreams) {
            count.decrementAndGet();
            throw new StreamsFull(name, maxStreams);
        }
        SseEmitter emitter = new SseEmitter(maxLifetime.toMillis());
        open.add(emitter);
        Runnable closed = () -> {
            if (open.remove(emitter)) {
                count.decrementAndGet();
            }
        };
        emitter.onCompletion(closed);
        emitter.onTimeout(() -> {
            closed.run();
            emitter.complete();
        });
        emitter.onError(failure -> closed.run());
        return emitter;
    }

    /** Sends {@code data} as JSON to every open stream as an event named {@code event}. */
    public void publish(String event, Object data) {
        SseEmitter.SseEventBuilder message = SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON);
        open.forEach(emitter -> send(emitter, message));
    }

    public int openStreams() {
        return count.get();
    }

    public int maxStreams() {
        return maxStreams;
    }

    /** Stops the heartbeat and closes every stream (at shutdown). */
    public void close() {
        heartbeats.cancel(false);
        open.forEach(SseEmitter::complete);
    }

    private void heartbeat() {
        if (!open.isEmpty()) {
            SseEmitter.SseEventBuilder comment = SseEmitter.event().comment("heartbeat");
            open.forEach(emitter -> send(emitter, comment));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder message) {
        try {
            emitter.send(message);
        } catch (IOException | IllegalStateException gone) {
            // the client went away: Spring completes the emitter with the error, which removes it
            if (open.remove(emitter)) {
                count.decrementAndGet();
            }
            emitter.completeWithError(gone);
        }
    }
}
