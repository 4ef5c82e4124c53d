package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One load phase: {@code clients} threads, each placing an order with three lines and confirming it, again and again,
 * over its own keep-alive connection (a closed loop: a client sends its next command when the last one is answered).
 * The first {@code warmup} seconds are not counted. Beside them one sampler measures projection lag: it takes an order
 * the moment its confirmation is answered and asks for it with {@code ?minVersion=} (which answers as soon as the
 * orders projection has committed that version); the lag is the time the answer arrives minus the {@code updatedAt}
 * the projection stored, which is the confirmation event's own timestamp.
 */
final class CommandLoad {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

    /** What a phase measured. Latencies and lags are in microseconds. */
    record Result(
            int clients,
            double seconds,
            long orders,
            long commands,
            long errors,
            List<String> errorSamples,
            Histogram commandLatency,
            Histogram placeLatency,
            Histogram confirmLatency,
            Histogram projectionLag,
            long lagSamplesSkipped,
            long lagSamplesTimedOut,
            long ordersProcessorLagAtEnd,
            double drainSeconds,
            double serviceCpuSeconds,
            double clientCpuSeconds,
            String loadBefore,
            String loadAfter) {

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

        double clientCpuPercent() {
            return 100 * clientCpuSeconds / seconds;
        }
    }

    private record Sample(String orderId, long version) {}

    private final ServiceProcess service;
    private final Workload workload;
    private final int clients;
    private final int warmupSeconds;
    private final int durationSeconds;
    private final SynchronousQueue<Sample> samples = new SynchronousQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private volatile long measureFrom;
    private volatile long measureUntil;

    CommandLoad(ServiceProcess service, Workload workload, int clients, int warmupSeconds, int durationSeconds) {
        this.service = service;
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
        sleepUntil(measureUntil);
        double serviceCpu = service.cpuSeconds() - serviceCpuFrom;
        double clientCpu = Machine.processCpuSeconds() - clientCpuFrom;
        String loadAfter = Machine.loadAverage();
        for (Thread thread : threads) {
            thread.join();
        }
        samplerThread.join();

        long lagAtEnd;
        double drainSeconds;
        try (Http admin = service.adminHttp()) {
            lagAtEnd = processorLag(admin, "orders");
            long drainStart = System.nanoTime();
            long deadline = drainStart + TimeUnit.SECONDS.toNanos(120);
            while ((processorLag(admin, "orders") > 0 || processorLag(admin, "customers") > 0)
                    && System.nanoTime() < deadline) {
                ServiceProcess.sleep(50);
            }
            drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        }

        Histogram all = histogram();
        Histogram place = histogram();
        Histogram confirm = histogram();
        long orders = 0;
        for (Client worker : workers) {
            place.add(worker.place);
            confirm.add(worker.confirm);
            orders += worker.orders;
        }
        all.add(place);
        all.add(confirm);
        return new Result(
                clients,
                durationSeconds,
                orders,
                all.getTotalCount(),
                errors.get(),
                errorSamples.stream().limit(5).toList(),
                all,
                place,
                confirm,
                sampler.lag,
                sampler.skipped,
                sampler.timedOut,
                lagAtEnd,
                drainSeconds,
                serviceCpu,
                clientCpu,
                loadBefore,
                loadAfter);
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
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

    /** One client: place, confirm, repeat, over one connection. */
    private final class Client implements Runnable {

        private final int index;
        private final Histogram place = histogram();
        private final Histogram confirm = histogram();
        private final Random random;
        private long orders;

        Client(int index) {
            this.index = index;
            this.random = new Random(31L * clients + index);
        }

        @Override
        public void run() {
            try (Http http = service.http()) {
                for (long n = 0; System.nanoTime() < measureUntil; n++) {
                    String orderId = workload.orderId(clients, index, n);
                    try {
                        long placeStart = System.nanoTime();
                        Http.Response placed = http.post("/api/orders", workload.placeOrder(orderId, random));
                        long placeEnd = System.nanoTime();
                        if (placed.status() != 201) {
                            failed("place", placed);
                            continue;
                        }
                        long confirmStart = System.nanoTime();
                        Http.Response confirmed = http.post("/api/orders/" + orderId + "/confirm", null);
                        long confirmEnd = System.nanoTime();
                        if (!confirmed.ok()) {
                            failed("confirm", confirmed);
                            continue;
                        }
                        samples.offer(new Sample(
                                orderId, confirmed.json().get("version").asLong()));
                        if (measuring(placeStart, placeEnd)) {
                            place.recordValue(micros(placeEnd - placeStart));
                        }
                        if (measuring(confirmStart, confirmEnd)) {
                            confirm.recordValue(micros(confirmEnd - confirmStart));
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
                // a later event (the saga's PaymentRequested) is already there: updatedAt is not ours
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
