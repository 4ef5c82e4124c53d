package io.ordo.bench;

import java.util.Map;

/**
 * The CPU a service uses with nothing to do: measured once the service has settled after the load (the JIT has
 * finished compiling, the processors are caught up, the store has compacted what the load left), over a few seconds
 * without a request. What is left is polling: processors looking for events, claims being extended, the deadline
 * scheduler, the JVM itself. How long settling took is reported beside it: it is the tail a load leaves, not idling.
 */
final class IdleCpu {

    /** Settled: a window of this many seconds in which the service used less than {@link #SETTLED_SHARE} of a core. */
    private static final int SETTLE_WINDOW_SECONDS = 5;

    private static final double SETTLED_SHARE = 0.02;
    private static final int SETTLE_LIMIT_SECONDS = 150;

    record Result(
            double settledAfterSeconds,
            double seconds,
            double cpuSeconds,
            Map<String, Double> cpuSecondsByThreadGroup) {

        /** Per cent of one core. */
        double percentOfCore() {
            return 100 * cpuSeconds / seconds;
        }
    }

    private IdleCpu() {}

    static Result measure(ServiceProcess service, int seconds) {
        double settledAfter = settle(service);
        long start = System.nanoTime();
        double cpuFrom = service.cpuSeconds();
        ThreadCpu.Snapshot threadsFrom = ThreadCpu.snapshot(service.pid());
        ServiceProcess.sleep(seconds * 1000L);
        double cpu = service.cpuSeconds() - cpuFrom;
        ThreadCpu.Snapshot threadsUntil = ThreadCpu.snapshot(service.pid());
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                settledAfter,
                elapsed,
                cpu,
                threadsUntil.secondsByGroupSince(threadsFrom, ThreadCpu.javaThreadNames(service.pid())));
    }

    /** Waits (at most {@link #SETTLE_LIMIT_SECONDS}) for a quiet window; returns the seconds it waited. */
    private static double settle(ServiceProcess service) {
        long start = System.nanoTime();
        double limit = start + SETTLE_LIMIT_SECONDS * 1e9;
        while (System.nanoTime() < limit) {
            double cpuFrom = service.cpuSeconds();
            ServiceProcess.sleep(SETTLE_WINDOW_SECONDS * 1000L);
            if (service.cpuSeconds() - cpuFrom < SETTLED_SHARE * SETTLE_WINDOW_SECONDS) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
