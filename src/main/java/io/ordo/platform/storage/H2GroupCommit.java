package io.ordo.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the embedded H2 store. H2 makes commits durable by a "store": it serialises every page changed
 * since the last one and writes them to its file (copy-on-write), on the thread that commits. With
 * {@code WRITE_DELAY=0} every writing transaction stores on its own: under the benchmark's load those stores were a
 * third of the service's CPU, most of them writing pages a store a millisecond later wrote again. With a write delay H2
 * stores in the background and a commit returns before it is on disk; this makes each commit that must be durable (all
 * but the {@link CommitDurability relaxed} ones) wait, after it returned, for a store that began after it: the first
 * to find no store running starts one ({@code CHECKPOINT}) for every commit made until then, and the commits that
 * returned while it ran share the next one. An answered command is on disk exactly as before; the stores are shared.
 */
final class H2GroupCommit implements WritingCommits.Listener {

    /** Durable commits that have returned, numbered in the order they did. */
    private final AtomicLong returned = new AtomicLong();

    private final ReentrantLock storing = new ReentrantLock();
    private final LongAdder stores = new LongAdder();
    /** Every commit numbered up to this one is on disk. */
    private volatile long durableThrough;

    @Override
    public void committed(Connection connection) throws SQLException {
        long mine = returned.incrementAndGet();
        storing.lock();
        try {
            if (durableThrough >= mine) {
                return;
            }
            // every commit numbered so far returned before this store starts, so the store holds it
            long covered = returned.get();
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
            stores.increment();
            durableThrough = covered;
        } finally {
            storing.unlock();
        }
    }

    /** The stores this made: fewer than the durable commits by as many as shared one. */
    long stores() {
        return stores.sum();
    }
}
