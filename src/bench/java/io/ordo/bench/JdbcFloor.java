package io.ordo.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The floor the storage sets: the events of the workload's commands written by plain JDBC into an empty store of the
 * same kind (the service's own migrations, the same URL settings), one transaction per command, by as many threads as
 * the load phase has clients, each with a connection of its own. No HTTP, no Axon, no projections: what is left is
 * the database's cost of committing one event row.
 */
final class JdbcFloor {

    /** Transactions (= commands) a second and their latency in microseconds. */
    record Result(int clients, double seconds, long commands, Histogram latency, String loadBefore) {

        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private JdbcFloor() {}

    static Result run(Store store, Store.Instance instance, EventRows rows, int clients, int warmup, int seconds)
            throws InterruptedException {
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        long from = start + TimeUnit.SECONDS.toNanos(warmup);
        long until = from + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < clients; i++) {
            Histogram latency = CommandLoad.histogram();
            histograms.add(latency);
            String prefix = "floor-c" + clients + "-" + i + "-";
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = instance.connect();
                                EventRows.Writer writer = rows.writer(connection, store.nextGlobalIndex())) {
                            connection.setAutoCommit(false);
                            for (long n = 0; System.nanoTime() < until; n++) {
                                String orderId = prefix + n;
                                long t0 = System.nanoTime();
                                writer.placed(orderId);
                                connection.commit();
                                long t1 = System.nanoTime();
                                writer.confirmed(orderId);
                                connection.commit();
                                long t2 = System.nanoTime();
                                record(latency, t0, t1, from, until);
                                record(latency, t1, t2, from, until);
                            }
                        } catch (SQLException e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "floor-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the JDBC floor failed", failure.get());
        }
        Histogram all = CommandLoad.histogram();
        histograms.forEach(all::add);
        return new Result(clients, seconds, all.getTotalCount(), all, loadBefore);
    }

    private static void record(Histogram latency, long startedAt, long endedAt, long from, long until) {
        if (startedAt >= from && endedAt <= until) {
            latency.recordValue(TimeUnit.NANOSECONDS.toMicros(endedAt - startedAt));
        }
    }
}
