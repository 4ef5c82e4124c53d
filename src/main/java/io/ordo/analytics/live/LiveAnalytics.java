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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@value AnalyticsStream#TOPIC} live streams from one subscription query per instance
 * ({@link WatchAnalytics}), whose updates the projection emits after each batch commits. Changes arriving within
 * {@code ordo.analytics.live-coalesce} of the first go out as one event naming every figure they changed, so a burst (a
 * replay, a load test) sends a few events a second, not one per batch. Nothing runs while nothing changes; the streams'
 * heartbeats are {@link LiveStreams}'.
 */
@Component
public class LiveAnalytics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalytics.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final QueryGateway queries;
    private final LiveStreams streams;
    private final Duration coalesce;
    private final ScheduledExecutorService timer;
    private final Set<AnalyticsFigure> pending = EnumSet.noneOf(AnalyticsFigure.class);
    private Instant pendingLatest;
    private boolean flushScheduled;
    private SubscriptionQueryResult<AnalyticsChange, AnalyticsChange> subscription;

    LiveAnalytics(QueryGateway queries, LiveStreams streams, AnalyticsProperties properties) {
        this.queries = queries;
        this.streams = streams;
        this.coalesce = properties.liveCoalesce();
        // a thread of its own, not a bean: a ScheduledExecutorService bean would become every @Scheduled's scheduler
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ordo-analytics-live");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Once the processors run. The updates are this instance's: those of the segments it projects. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void subscribe() {
        if (subscription != null) {
            return;
        }
        try {
            subscription = queries.subscriptionQuery(
                    new WatchAnalytics(),
                    ResponseTypes.instanceOf(AnalyticsChange.class),
                    ResponseTypes.instanceOf(AnalyticsChange.class));
        } catch (RuntimeException unreachable) {
            // the query bus cannot take it now (Axon Server not reached yet): the service runs on, without live
            // analytics until a later attempt succeeds
            log.warn(
                    "live analytics could not subscribe; trying again in {} s: {}",
                    RETRY.toSeconds(),
                    unreachable.toString());
            timer.schedule(this::subscribe, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        subscription.updates().subscribe(this::changed, this::failed);
    }

    private void changed(AnalyticsChange change) {
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
        streams.publish(AnalyticsStream.TOPIC, AnalyticsStream.EVENT, change);
    }

    /** The subscription ended in error (its update buffer overflowed, say): take a new one, so live updates go on. */
    private synchronized void failed(Throwable failure) {
        log.warn("the live analytics subscription failed; subscribing again: {}", failure.toString());
        subscription.cancel();
        subscription = null;
        timer.execute(this::subscribe);
    }

    @Override
    public synchronized void destroy() {
        if (subscription != null) {
            subscription.cancel();
        }
        timer.shutdownNow();
    }
}
