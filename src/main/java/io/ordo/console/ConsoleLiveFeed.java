package io.ordo.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.platform.history.FoundEvent;
import io.ordo.platform.history.StoredEventSearch;
import io.ordo.platform.live.LiveStreams;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Feeds the console's live pages from the event store: one stream per instance, opened at the head when the service
 * starts, so it sees every event once it is committed, whichever instance committed it, and nothing that was rolled
 * back. It holds no token and takes no segment (a tail has nothing to catch up), and it costs nothing while idle: the
 * store's one reader wakes it. The events' tail gets table rows rendered here, only while someone watches it; the
 * products' pages get each stock change ({@link StockChanges}). A failure is logged, counted
 * ({@code ordo.console.live.failures}) and the stream opened again at the head: a live view skips, it never stalls.
 */
@Component
class ConsoleLiveFeed implements SmartLifecycle {

    static final String EVENTS_TOPIC = "events";

    /** The rows a tail shows at most; older ones drop off the page (assets/events.js). */
    static final int TAIL_ROWS = 50;

    private static final Logger log = LoggerFactory.getLogger(ConsoleLiveFeed.class);
    private static final long WAIT_SECONDS = 1;
    /** Messages taken from the stream before they are handed on: a burst becomes a few messages, not thousands. */
    private static final int BATCH = 500;

    private final EventStore eventStore;
    private final ObjectProvider<StoredEventSearch> search;
    private final LiveStreams live;
    private final StockChanges stock;
    private final ITemplateEngine templates;
    private final Counter failures;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread reader;

    ConsoleLiveFeed(
            EventStore eventStore,
            ObjectProvider<StoredEventSearch> search,
            LiveStreams live,
            StockChanges stock,
            ITemplateEngine templates,
            MeterRegistry meters) {
        this.eventStore = eventStore;
        this.search = search;
        this.live = live;
        this.stock = stock;
        this.templates = templates;
        this.failures = Counter.builder("ordo.console.live.failures")
                .description("failures reading or publishing the console's live feed (the stream is reopened)")
                .register(meters);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "console-live-feed");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        // no interrupt: one in the middle of an H2 file read closes the embedded database for good; the reader sees
        // the latch within WAIT_SECONDS and ends
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return reader != null && stopped.getCount() > 0;
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
                follow(stream);
            } catch (InterruptedException shuttingDown) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                failures.increment();
                log.warn("the console's live feed failed; reopening it at the head", failure);
                if (pause()) {
                    return;
                }
            }
        }
    }

    private void follow(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        while (stopped.getCount() > 0) {
            if (!stream.hasNextAvailable((int) WAIT_SECONDS, TimeUnit.SECONDS)) {
                continue;
            }
            Deque<Long> newest = new ArrayDeque<>();
            int taken = 0;
            while (taken < BATCH && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                taken++;
                event.trackingToken().position().ifPresent(index -> keepNewest(newest, index));
                stock.publish(event);
            }
            publishTail(List.copyOf(newest));
        }
    }

    private static void keepNewest(Deque<Long> newest, long index) {
        newest.addLast(index);
        if (newest.size() > TAIL_ROWS) {
            newest.removeFirst();
        }
    }

    /** The batch's newest events as rows, newest first, read back from the table as the search shows them. */
    private void publishTail(List<Long> indexes) {
        StoredEventSearch store = search.getIfAvailable();
        if (indexes.isEmpty() || store == null || !live.watched(EVENTS_TOPIC)) {
            return;
        }
        List<FoundEvent> rows = store.at(indexes);
        Context context = new Context(Locale.ROOT);
        context.setVariable("events", rows);
        String html = templates.process("console/event-rows", Set.of("rows"), context);
        live.publish(EVENTS_TOPIC, "events", html);
    }

    /** Waits a second before reopening; true when the service stops meanwhile. */
    private boolean pause() {
        try {
            return stopped.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
