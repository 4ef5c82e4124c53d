package io.ordo.bench;

import java.util.Map;

/**
 * The CPU a service uses with nothing to do: measured after the load phases have drained (so the JIT has compiled and
 * the processors are caught up), over a few seconds without a request. What is left is polling: processors looking
 * for events, claims being extended, the deadline scheduler, the JVM itself.
 */
final class IdleCpu {

    record Result(double seconds, double cpuSeconds, Map<String, Double> cpuSecondsByThreadGroup) {

        /** Per cent of one core. */
        double percentOfCore() {
            return 100 * cpuSeconds / seconds;
        }
    }

    private IdleCpu() {}

    static Result measure(ServiceProcess service, int seconds) {
        long start = System.nanoTime();
        double cpuFrom = service.cpuSeconds();
        ThreadCpu.Snapshot threadsFrom = ThreadCpu.snapshot(service.pid());
        ServiceProcess.sleep(seconds * 1000L);
        double cpu = service.cpuSeconds() - cpuFrom;
        ThreadCpu.Snapshot threadsUntil = ThreadCpu.snapshot(service.pid());
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                elapsed, cpu, threadsUntil.secondsByGroupSince(threadsFrom, ThreadCpu.javaThreadNames(service.pid())));
    }
}
