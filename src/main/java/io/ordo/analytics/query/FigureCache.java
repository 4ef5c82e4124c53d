package io.ordo.analytics.query;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The figures last computed, shared by every reader until the read model changes. A change on the live stream makes
 * every open dashboard ask the same queries at once; each query runs once and the others wait for its answer
 * (single flight). An answer is kept until this instance's processor commits a change ({@link #changed}), and at most
 * {@code MAX_AGE_MILLIS}: on several instances another one may have projected the change. Queries are keyed by their
 * record, so windows ending "now" are rounded to the second by their callers to meet here.
 */
final class FigureCache {

    static final long MAX_AGE_MILLIS = 1_000;
    private static final int MAX_ENTRIES = 256;

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;

    FigureCache(Clock clock) {
        this.clock = clock;
    }

    /** After a batch that changed figures committed: every answer computed before it is stale. */
    void changed() {
        generation.incrementAndGet();
        entries.clear();
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object query, Supplier<T> compute) {
        long now = clock.millis();
        long current = generation.get();
        Entry found = entries.get(query);
        if (found != null && (found.generation != current || now - found.createdAt > MAX_AGE_MILLIS)) {
            entries.remove(query, found);
            found = null;
        }
        if (found == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry mine = new Entry(current, now, new CompletableFuture<>());
            found = entries.putIfAbsent(query, mine);
            if (found == null) {
                try {
                    mine.answer.complete(compute.get());
                } catch (RuntimeException failed) {
                    entries.remove(query, mine);
                    mine.answer.completeExceptionally(failed);
                    throw failed;
                }
                return (T) mine.answer.join();
            }
        }
        return (T) found.answer.join();
    }

    private record Entry(long generation, long createdAt, CompletableFuture<Object> answer) {}
}
