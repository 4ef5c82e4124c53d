package io.ordo.integrity.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stored events in global order from a first global index on, a batch at a time. Given a connection of its own, it
 * reads a batch ahead on a thread of its own: while the verifying thread reads the ledger's entries and recomputes
 * the tree, this one reads the events (the larger half of the work, the database hashing their payloads), so the two
 * run in parallel on two cores. On the verifier's own connection it reads in the verifier's thread, when asked (one
 * connection serialises its statements anyway, and is not shared between threads). The thread is never interrupted
 * (H2 closes its file when a thread is interrupted during a read): {@link #close} stops it after the batch in
 * progress and waits for that.
 */
final class EventStream implements AutoCloseable {

    private static final Object END = new Object();

    private final Connection connection;
    private final boolean ownsConnection;
    private final int batchSize;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
    private final Deque<StoredEvent> current = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    private long nextInCaller;

    /**
     * Reads from {@code fromGlobalIndex} on: ahead, on a thread of its own, when it {@code ownsConnection} (and then
     * closes it at the end); otherwise in the caller's thread.
     */
    EventStream(Connection connection, boolean ownsConnection, long fromGlobalIndex, int batchSize) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.batchSize = batchSize;
        this.nextInCaller = fromGlobalIndex;
        if (ownsConnection) {
            this.thread = new Thread(() -> read(fromGlobalIndex), "ledger-verification-events");
            thread.setDaemon(true);
            thread.start();
        } else {
            this.thread = null;
        }
    }

    /** The next event, not taken; null after the last stored one. */
    StoredEvent peekFirst() throws SQLException {
        if (thread == null) {
            if (current.isEmpty() && !ended) {
                List<StoredEvent> batch = EventTable.read(connection, nextInCaller, Long.MAX_VALUE, batchSize);
                current.addAll(batch);
                ended = batch.size() < batchSize;
                nextInCaller = batch.isEmpty()
                        ? nextInCaller
                        : batch.get(batch.size() - 1).globalIndex() + 1;
            }
            return current.peekFirst();
        }
        while (current.isEmpty() && !ended) {
            Object next;
            try {
                next = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while reading the events", e);
            }
            if (next == END) {
                ended = true;
            } else if (next instanceof List<?> batch) {
                batch.forEach(event -> current.add((StoredEvent) event));
            } else if (next instanceof SQLException e) {
                throw new SQLException("reading the events: " + e.getMessage(), e.getSQLState(), e);
            } else {
                throw new IllegalStateException("reading the events failed", (Throwable) next);
            }
        }
        return current.peekFirst();
    }

    /** Takes the event {@link #peekFirst} answered. */
    void removeFirst() {
        current.removeFirst();
    }

    private void read(long from) {
        try {
            while (!closed) {
                List<StoredEvent> batch = EventTable.read(connection, from, Long.MAX_VALUE, batchSize);
                if (!batch.isEmpty()) {
                    hand(batch);
                    from = batch.get(batch.size() - 1).globalIndex() + 1;
                }
                if (batch.size() < batchSize) {
                    hand(END);
                    return;
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            hand(e);
        } finally {
            if (ownsConnection) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing was written on it; the pool or the driver discards it
                }
            }
        }
    }

    /** Waits for the verifier to take the previous batch, unless it has stopped listening. */
    private void hand(Object next) {
        try {
            while (!closed && !ready.offer(next, 100, TimeUnit.MILLISECONDS)) {
                // the verifier is still on the previous batch
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading after the batch in progress and waits for that, so that its connection is free again. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            return;
        }
        ready.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
