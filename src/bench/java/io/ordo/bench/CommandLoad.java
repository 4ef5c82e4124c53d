package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One load phase: {@code clients} threads, each running the {@link Scenario}'s two commands for an order (place, then
 * add a line or confirm), again and again, over its own keep-alive connection (a closed loop: a client sends its next
 * command when the last one is answered). The first {@code warmup} seconds are not counted. Beside them one sampler
 * measures projection lag: it takes an order the moment its second command is answered and asks for it with
 * {@code ?minVersion=} (which answers as soon as the orders projection has committed that version); the lag is the
 * time the answer arrives minus the {@code updatedAt} the projection stored, which is that event's own timestamp.
 * Around the measured window it reads the service's durable JDBC commits ({@code ordo.jdbc.commits}) and the CPU of
 * each of its threads.
 */
final class CommandLoad {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

    /** What a phase measured. Latencies and lags are in microseconds. */
    record Result(
            String workload,
            String target,
            int clients,
            double seconds,
            long orders,
            long commands,
            long errors,
            List<String> errorSamples,
            Histogram commandLatency,
            Histogram firstLatency,
            Histogram secondLatency,
            Histogram projectionLag,
            long lagSamplesSkipped,
            long lagSamplesTimedOut,
            long ordersProcessorLagAtEnd,
            double drainSeconds,
            double serviceCpuSeconds,
            double drainCpuSeconds,
            double clientCpuSeconds,
            Map<String, Double> cpuSecondsByThreadGroup,
            double durableCommits,
            double forcedWrites,
            String loadBefore,
            String loadAfter) {

        /** Durable JDBC commits per order from the start of the measured window until the processors drained. */
        double durableCommitsPerOrder() {
            return durableCommits / Math.max(1, orders);
        }

        /** Forced writes of the H2 store per order, over the same span: the group commit's sharing. */
        double forcedWritesPerOrder() {
            return forcedWrites / Math.max(1, orders);
        }

        /** Each thread group's share of the service's CPU in the measured window, in per cent. */
        Map<String, Double> cpuShares() {
            double total = cpuSecondsByThreadGroup.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            Map<String, Double> shares = new LinkedHashMap<>();
            cpuSecondsByThreadGroup.forEach(
                    (group, seconds) -> shares.put(group, total == 0 ? 0 : 100 * seconds / total));
            return shares;
        }

        double ordersPerSecond() {
            return orders / seconds;
        }

        double commandsPerSecond() {
            return commands / seconds;
        }

        double serviceCpuPercent() {
            return 100 * serviceCpuSeconds / seconds;
        }

        double serviceCpuMillisPerCommand() {
            return 1000 * serviceCpuSeconds / Math.max(1, commands);
        }

        /**
         * The window's CPU and the CPU the processors needed to catch up after it, per command of the window. A
         * processor that falls behind (the saga, at high load) does part of the window's work only after it, which
         * {@link #serviceCpuMillisPerCommand()} leaves out; this counts it, and with it whatever backlog the warm-up
         * left, so it is an upper bound where the other is a lower one.
         */
        double serviceCpuMillisPerCommandWithDrain() {
            return 1000 * (serviceCpuSeconds + drainCpuSeconds) / Math.max(1, commands);
        }

        double clientCpuPercent() {
            return 100 * clientCpuSeconds / seconds;
        }
    }

    private record Sample(String orderId, long version) {}

    private final ServiceProcess service;
    private final Scenario scenario;
    private final Workload workload;
    private final int clients;
    private final int warmupSeconds;
    private final int durationSeconds;
    private final SynchronousQueue<Sample> samples = new SynchronousQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private volatile long measureFrom;
    private volatile long measureUntil;

    CommandLoad(
            ServiceProcess service,
            Scenario scenario,
            Workload workload,
            int clients,
            int warmupSeconds,
            int durationSeconds) {
        this.service = service;
        this.scenario = scenario;
        this.workload = workload;
        this.clients = clients;
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
    }

    Result run() throws InterruptedException {
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        List<Client> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(new Client(i));
        }
        LagSampler sampler = new LagSampler();
        List<Thread> threads = new ArrayList<>();
        for (Client worker : workers) {
            threads.add(started(new Thread(worker, "client-" + worker.index)));
        }
        Thread samplerThread = started(new Thread(sampler, "lag-sampler"));

        sleepUntil(measureFrom);
        double serviceCpuFrom = service.cpuSeconds();
        double clientCpuFrom = Machine.processCpuSeconds();
        ThreadCpu.Snapshot threadsFrom = ThreadCpu.snapshot(service.pid());
        double commitsFrom = service.durableCommits();
        double writesFrom = service.forcedWrites();
        sleepUntil(measureUntil);
        double serviceCpu = service.cpuSeconds() - serviceCpuFrom;
        double clientCpu = Machine.processCpuSeconds() - clientCpuFrom;
        ThreadCpu.Snapshot threadsUntil = ThreadCpu.snapshot(service.pid());
        String loadAfter = Machine.loadAverage();
        for (Thread thread : threads) {
            thread.join();
        }
        samplerThread.join();

        long lagAtEnd = 0;
        double drainSeconds = 0;
        double drainCpuFrom = service.cpuSeconds();
        if (scenario.readsBack()) {
            try (Http admin = service.adminHttp()) {
                lagAtEnd = processorLag(admin, "orders");
                drainSeconds = awaitCaughtUp(admin, 120);
            }
        }
        double drainCpu = service.cpuSeconds() - drainCpuFrom;
        double commits = service.durableCommits() - commitsFrom;
        double writes = service.forcedWrites() - writesFrom;
        // named after the window: jcmd takes a while and some of the service's CPU
        Map<String, Double> cpuByGroup =
                threadsUntil.secondsByGroupSince(threadsFrom, ThreadCpu.javaThreadNames(service.pid()));

        Histogram all = histogram();
        Histogram first = histogram();
        Histogram second = histogram();
        long orders = 0;
        for (Client worker : workers) {
            first.add(worker.first);
            second.add(worker.second);
            orders += worker.orders;
        }
        all.add(first);
        all.add(second);
        return new Result(
                scenario.workload(),
                scenario.target(),
                clients,
                durationSeconds,
                orders,
                all.getTotalCount(),
                errors.get(),
                errorSamples.stream().limit(5).toList(),
                all,
                first,
                second,
                sampler.lag,
                sampler.skipped,
                sampler.timedOut,
                lagAtEnd,
                drainSeconds,
                serviceCpu,
                drainCpu,
                clientCpu,
                cpuByGroup,
                commits,
                writes,
                loadBefore,
                loadAfter);
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }

    /**
     * Waits, at most {@code boundSeconds}, until the orders and customers projections and the fulfilment saga have
     * processed every event, and answers how long it waited.
     */
    static double awaitCaughtUp(Http admin, int boundSeconds) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(boundSeconds);
        while (behind(admin) && System.nanoTime() < deadline) {
            ServiceProcess.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static boolean behind(Http admin) {
        return processorLag(admin, "orders") > 0 || processorLag(admin, "customers") > 0 || sagaLag(admin) > 0;
    }

    static long processorLag(Http admin, String processor) {
        Http.Response status = admin.get("/api/admin/processors/" + processor);
        if (!status.ok()) {
            throw new IllegalStateException("processor status of " + processor + ": " + status);
        }
        JsonNode json = status.json();
        return json.get("replaying").asBoolean()
                ? Long.MAX_VALUE
                : json.get("lag").asLong();
    }

    /** The fulfilment saga's lag, or 0 where the service does not report it. */
    private static long sagaLag(Http admin) {
        Http.Response status = admin.get("/api/admin/processors/order-fulfilment");
        return status.ok() ? status.json().path("lag").asLong(0) : 0;
    }

    static Histogram histogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    private boolean measuring(long startedAt, long answeredAt) {
        return startedAt >= measureFrom && answeredAt <= measureUntil;
    }

    private void failed(String what, Object detail) {
        errors.incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(what + ": " + detail);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
        if (millis > 0) {
            ServiceProcess.sleep(millis);
        }
    }

    /** One client: the scenario's two commands, repeat, over one connection. */
    private final class Client implements Runnable {

        private final int index;
        private final Histogram first = histogram();
        private final Histogram second = histogram();
        private final Random random;
        private long orders;

        Client(int index) {
            this.index = index;
            this.random = new Random(31L * clients + index);
        }

        @Override
        public void run() {
            String prefix = workload.orderPrefix(scenario.target().charAt(0) + scenario.workload(), clients, index);
            try (Http http = service.http()) {
                for (long n = 0; System.nanoTime() < measureUntil; n++) {
                    Workload.Order order = Scenario.next(workload, prefix, n, random);
                    try {
                        long firstStart = System.nanoTime();
                        Http.Response created = scenario.first(http, order);
                        long firstEnd = System.nanoTime();
                        if (created.status() != 201 && created.status() != 200) {
                            failed("first", created);
                            continue;
                        }
                        long secondStart = System.nanoTime();
                        Http.Response changed = scenario.second(http, order);
                        long secondEnd = System.nanoTime();
                        if (!changed.ok()) {
                            failed("second", changed);
                            continue;
                        }
                        if (scenario.readsBack()) {
                            samples.offer(new Sample(
                                    order.orderId(),
                                    changed.json().get("version").asLong()));
                        }
                        if (measuring(firstStart, firstEnd)) {
                            first.recordValue(micros(firstEnd - firstStart));
                        }
                        if (measuring(secondStart, secondEnd)) {
                            second.recordValue(micros(secondEnd - secondStart));
                            orders++;
                        }
                    } catch (RuntimeException e) {
                        failed("io", e.getMessage());
                        ServiceProcess.sleep(10);
                    }
                }
            }
        }
    }

    /**
     * Measures projection lag on orders handed over by the clients, at most one at a time and about 40 a second, so
     * the reads barely add to the load. A sample handed over while the sampler is busy is simply not taken: the
     * measurement must start the moment the command is answered.
     */
    private final class LagSampler implements Runnable {

        private final Histogram lag = histogram();
        private long skipped;
        private long timedOut;

        @Override
        public void run() {
            try (Http http = service.http()) {
                while (System.nanoTime() < measureUntil) {
                    Sample sample = samples.poll(100, TimeUnit.MILLISECONDS);
                    if (sample == null) {
                        continue;
                    }
                    try {
                        measure(http, sample);
                    } catch (RuntimeException e) {
                        failed("lag sampler", e.getMessage());
                    }
                    Thread.sleep(25);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void measure(Http http, Sample sample) {
            long askedAt = System.nanoTime();
            Http.Response answer = http.get("/api/orders/" + sample.orderId() + "?minVersion=" + sample.version());
            Instant arrived = Instant.now();
            if (answer.status() == 503) {
                // not visible within ordo.read-your-writes.timeout (2 s): a lag of at least that, not an error
                lag.recordValue(micros(TimeUnit.SECONDS.toNanos(2)));
                timedOut++;
                return;
            }
            if (!answer.ok()) {
                failed("read", answer);
                return;
            }
            JsonNode order = answer.json();
            if (order.get("version").asLong() != sample.version()) {
                // a later event (the saga's StockReserved, PaymentRequested) is already there: updatedAt is not ours
                skipped++;
            } else if (askedAt >= measureFrom && System.nanoTime() <= measureUntil) {
                Instant eventAt = Instant.parse(order.get("updatedAt").asText());
                lag.recordValue(
                        Math.max(0, micros(Duration.between(eventAt, arrived).toNanos())));
            }
        }
    }

    private static long micros(long nanos) {
        return Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos));
    }
}
