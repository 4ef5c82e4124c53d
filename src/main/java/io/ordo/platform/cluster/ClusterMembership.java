package io.ordo.platform.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Knows how many instances share the database. Every instance refreshes its row in {@code cluster_node} each heartbeat
 * interval and counts the rows refreshed within the claim timeout: an instance that stopped answering is not counted
 * after the same time its segment claims stop holding. A stopped instance removes its row at once. Only instances of
 * this one's role ({@code ordo.role}) are counted: they run the same processors, and a command instance holds no
 * segment of a projection, nor a query instance one of the saga.
 *
 * <p>Runs before Axon's processors start and until after they have stopped, so they always see a count that includes
 * this instance.
 */
class ClusterMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final JdbcTemplate sql;
    private final String nodeId;
    private final String role;
    private final Duration heartbeatInterval;
    private final Duration nodeTimeout;
    private final AtomicInteger liveNodes = new AtomicInteger(1);
    private final List<Runnable> heartbeatListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean failing;

    ClusterMembership(JdbcTemplate sql, String nodeId, String role, Duration heartbeatInterval, Duration nodeTimeout) {
        this.sql = sql;
        this.nodeId = nodeId;
        this.role = role;
        this.heartbeatInterval = heartbeatInterval;
        this.nodeTimeout = nodeTimeout;
    }

    /** Runs {@code listener} after every successful heartbeat, on the heartbeat thread. */
    void onHeartbeat(Runnable listener) {
        heartbeatListeners.add(listener);
    }

    /** The instances alive at the last heartbeat, this one included. */
    int liveNodes() {
        return liveNodes.get();
    }

    void heartbeat() {
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime staleBefore = now.minus(nodeTimeout);
            if (sql.update("update cluster_node set heartbeat_at = ? where node_id = ?", now, nodeId) == 0) {
                insert(now);
            }
            sql.update("delete from cluster_node where heartbeat_at < ?", staleBefore);
            Integer counted = sql.queryForObject(
                    "select count(*) from cluster_node where heartbeat_at >= ? and instance_role = ?",
                    Integer.class,
                    staleBefore,
                    role);
            int live = Math.max(1, counted == null ? 1 : counted);
            int before = liveNodes.getAndSet(live);
            if (before != live || failing) {
                log.info("{} {} instance(s) share the event processors; this one is {}", live, role, nodeId);
            }
            failing = false;
            heartbeatListeners.forEach(Runnable::run);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn(
                        "heartbeat of {} failed, keeping the last count of {} instance(s): {}",
                        nodeId,
                        liveNodes(),
                        e.getMessage());
            }
            failing = true;
        }
    }

    private void insert(OffsetDateTime now) {
        try {
            sql.update(
                    "insert into cluster_node (node_id, heartbeat_at, instance_role) values (?, ?, ?)",
                    nodeId,
                    now,
                    role);
        } catch (DuplicateKeyException e) {
            // another instance runs under the same node id: both count once, and the token store will show the clash
            log.warn("another instance is registered as {}; give each instance its own ordo.cluster.node-id", nodeId);
        }
    }

    @Override
    public void start() {
        heartbeat();
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ordo-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long millis = heartbeatInterval.toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
        heartbeats = null;
        try {
            sql.update("delete from cluster_node where node_id = ?", nodeId);
        } catch (DataAccessException e) {
            log.warn("could not deregister {}; the others stop counting it after {}", nodeId, nodeTimeout);
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    /** Before Axon (whose lifecycle runs near the last phase) starts its processors, and after it has stopped them. */
    @Override
    public int getPhase() {
        return 0;
    }
}
