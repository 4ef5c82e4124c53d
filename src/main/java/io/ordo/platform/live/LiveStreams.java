package io.ordo.platform.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open server-sent-event streams by topic. A publisher (an event handler, a query's update) hands a message over and
 * returns at once: one sender thread writes to the streams, so a slow browser never holds up an event processor. An
 * idle stream costs a heartbeat comment every {@code ordo.live.heartbeat}, which also finds streams whose browser has
 * gone; nothing polls per stream. At most {@code ordo.live.max-streams} are open; one more is refused with 503.
 * {@link #signal} coalesces a burst of changes into one message per topic and interval, for pages that re-fetch what
 * changed rather than receive it.
 */
@Component
@EnableConfigurationProperties(LiveStreamsProperties.class)
public class LiveStreams implements DisposableBean {

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Set<String> pendingSignals = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final LiveStreamsProperties properties;
    private final ThreadPoolExecutor sender;
    private final ScheduledExecutorService timer;

    LiveStreams(LiveStreamsProperties properties, MeterRegistry meters) {
        this.properties = properties;
        // a full queue drops the oldest message: a live view would rather skip one than fall further behind
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.maxQueued()),
                runnable -> daemon(runnable, "live-streams-sender"),
                new ThreadPoolExecutor.DiscardOldestPolicy());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "live-streams-timer"));
        long heartbeat = properties.heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        Gauge.builder("ordo.live.streams", open, AtomicInteger::get)
                .description("server-sent-event streams open (console pages and API clients watching live)")
                .register(meters);
    }

    /** A new stream of the topic's messages, open until the browser goes or {@code ordo.live.timeout} passes. */
    public SseEmitter open(String topic) {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too many live streams are open (" + properties.maxStreams() + "): try again later");
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Set<SseEmitter> subscribers = streams.computeIfAbsent(topic, any -> new CopyOnWriteArraySet<>());
        subscribers.add(emitter);
        Runnable close = () -> {
            if (subscribers.remove(emitter)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        opened(emitter);
        return emitter;
    }

    /** Sends a named event with its data (JSON or text) to every stream of the topic, soon, on the sender thread. */
    public void publish(String topic, String event, Object data) {
        if (!watched(topic)) {
            return;
        }
        sender.execute(() -> send(topic, SseEmitter.event().name(event).data(data)));
    }

    /**
     * Tells the topic's streams that something changed (an event named {@code changed}), at most once per
     * {@code ordo.live.signal-interval} however many changes arrive meanwhile.
     */
    public void signal(String topic) {
        if (watched(topic) && pendingSignals.add(topic)) {
            timer.schedule(
                    () -> {
                        pendingSignals.remove(topic);
                        publish(topic, "changed", "changed");
                    },
                    properties.signalInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A first comment, held by the emitter until the request has been handed to it: Spring sends a stream's headers
     * only with its first message, and until a browser has them its EventSource stays "connecting" and hears nothing.
     */
    private static void opened(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }

    /** Whether any stream of the topic is open: a publisher may skip the work of a message nobody would receive. */
    public boolean watched(String topic) {
        return !streams.getOrDefault(topic, Set.of()).isEmpty();
    }

    /** Streams open now, of every topic. */
    public int openStreams() {
        return open.get();
    }

    private void heartbeat() {
        if (open.get() > 0) {
            sender.execute(() -> streams.keySet()
                    .forEach(topic -> send(topic, SseEmitter.event().comment(""))));
        }
    }

    private void send(String topic, SseEmitter.SseEventBuilder message) {
        for (SseEmitter emitter : streams.getOrDefault(topic, Set.of())) {
            try {
                emitter.send(message);
            } catch (IOException | IllegalStateException gone) {
                // the browser went away: the container completes the emitter, which removes it
                emitter.completeWithError(gone);
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        sender.shutdownNow();
        streams.values().forEach(subscribers -> subscribers.forEach(SseEmitter::complete));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
