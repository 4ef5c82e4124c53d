package io.ordo.analytics.live;

import io.ordo.analytics.AnalyticsProperties;
import io.ordo.analytics.api.AnalyticsChange;
import io.ordo.analytics.api.AnalyticsFigure;
import io.ordo.analytics.api.AnalyticsStream;
import io.ordo.analytics.api.WatchAnalytics;
import io.ordo.platform.live.LiveStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;

/**
 * Feeds the analytics streams from one subscription query per instance ({@link WatchAnalytics}), whose updates the
 * projection emits after each batch commits. Changes arriving within {@code coalesce} of the first go out as one event,
 * so a burst (a replay, a load test) sends a few events a second, not one per batch; the first change of a quiet
 * period waits only that long. With no change nothing runs but the heartbeat.
 */
public final class LiveAnalytics {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalytics.class);

    private final QueryGateway queries;
    private final Duration coalesce;
    private final ScheduledExecutorService timer;
    private final LiveStreams streams;
    private final Set<AnalyticsFigure> pending = EnumSet.noneOf(AnalyticsFigure.class);
    private Instant pendingLatest;
    private boolean flushScheduled;
    private SubscriptionQueryResult<AnalyticsChange, AnalyticsChange> subscription;
    private Disposable updates;

    LiveAnalytics(QueryGateway queries, AnalyticsProperties.Live settings) {
        this.queries = queries;
        this.coalesce = settings.coalesce();
        // one daemon thread for heartbeats and flushes, not a bean: a ScheduledExecutorService bean would also become
        // the scheduler of every @Scheduled method
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ordo-analytics-live");
            thread.setDaemon(true);
            return thread;
        });
        this.streams = new LiveStreams(
                AnalyticsStream.EVENT, settings.maxStreams(), settings.heartbeat(), settings.maxLifetime(), timer);
    }

    LiveStreams streams() {
        return streams;
    }

    /** Once the processors run: the subscription's updates are local to the instance that projects. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void subscribe() {
        if (subscription != null) {
            return;
        }
        subscription = queries.subscriptionQuery(
                new WatchAnalytics(),
                ResponseTypes.instanceOf(AnalyticsChange.class),
                ResponseTypes.instanceOf(AnalyticsChange.class));
        updates = subscription.updates().subscribe(this::changed, this::failed);
    }

    void changed(AnalyticsChange change) {
        synchronized (pending) {
            pending.addAll(change.figures());
            if (change.latestEventAt() != null
                    && (pendingLatest == null || change.latestEventAt().isAfter(pendingLatest))) {
                pendingLatest = change.latestEventAt();
            }
            if (!flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::flush, coalesce.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        AnalyticsChange change;
        synchronized (pending) {
            change = new AnalyticsChange(pending, pendingLatest);
            pending.clear();
            pendingLatest = null;
            flushScheduled = false;
        }
        streams.publish(AnalyticsStream.EVENT, change);
    }

    /** The subscription ended in error (its update buffer overflowed, say): take a new one, so live updates go on. */
    private synchronized void failed(Throwable failure) {
        log.warn("the live analytics subscription failed; subscribing again: {}", failure.toString());
        subscription.cancel();
        subscription = null;
        timer.execute(this::subscribe);
    }

    synchronized void close() {
        if (updates != null) {
            updates.dispose();
        }
        if (subscription != null) {
            subscription.cancel();
        }
        streams.close();
        timer.shutdownNow();
    }
}
