package io.ordo.platform.storage;

/**
 * Which commits must be on disk when they return. By default every writing commit is. A transaction whose rows can be
 * rebuilt from the event log, and that commits its rows together with the position in the log they were built from
 * (a projection with its token), may relax that: after a crash the database comes back at an earlier, consistent
 * point, rows and token rewound together, and the processor reads the lost part of the log again. Relaxing is per
 * thread, from the start of such a transaction to its end; {@link WritingCommits} asks at each commit.
 */
public final class CommitDurability {

    private static final ThreadLocal<Boolean> RELAXED = new ThreadLocal<>();

    private CommitDurability() {}

    /** The transaction this thread is starting may commit without forcing its writes to disk. */
    public static void relax() {
        RELAXED.set(Boolean.TRUE);
    }

    /** The relaxed transaction of this thread has ended (committed or rolled back). */
    public static void restore() {
        RELAXED.remove();
    }

    static boolean isRelaxed() {
        return RELAXED.get() != null;
    }
}
