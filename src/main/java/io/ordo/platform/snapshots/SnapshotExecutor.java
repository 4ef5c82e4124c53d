package io.ordo.platform.snapshots;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The snapshotter's own thread, so taking a snapshot never delays the answer to a command. Deliberately not an
 * {@link Executor} bean: one would make Spring Boot drop its own application task executor.
 *
 * <p>The queue is unbounded but cannot grow without limit: Axon's snapshotter queues at most one snapshot per aggregate
 * at a time. A rejecting queue would be worse, because a rejected snapshot stays marked as in progress and that
 * aggregate would never be snapshotted again.
 */
final class SnapshotExecutor implements DisposableBean {

    static final String THREAD_PREFIX = "ordo-snapshot-";

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new CustomizableThreadFactory(THREAD_PREFIX));

    Executor executor() {
        return pool;
    }

    /** Lets a snapshot that is being written finish; queued ones are dropped, later loads simply read more events. */
    @Override
    public void destroy() throws InterruptedException {
        pool.getQueue().clear();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
