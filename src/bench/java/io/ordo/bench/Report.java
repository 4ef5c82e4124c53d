package io.ordo.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Collects the figures of a run, prints them as a table and writes them as JSON. */
final class Report {

    private final Options options;
    private final String runId;
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<CommandLoad.Result> loads = new ArrayList<>();
    private final List<JdbcFloor.Result> floors = new ArrayList<>();
    private final Map<String, AggregateLoad.Result> aggregates = new LinkedHashMap<>();
    private Replay.Result replay;
    private IdleCpu.Result idle;
    private ConsoleFigures.Result console;

    Report(Options options, String runId) {
        this.options = options;
        this.runId = runId;
        environment.put("loadAverageAtStart", Machine.loadAverage());
        environment.put("processors", Machine.processors());
        environment.put("java", System.getProperty("java.version"));
        environment.put("commit", System.getenv().getOrDefault("ORDO_BENCH_COMMIT", "unknown"));
        environment.put("serviceJvmOptions", options.serviceJvmOptions());
        environment.put("serviceArgs", options.serviceArgs());
        environment.put("label", options.label());
    }

    void store(String kind, Map<String, String> durability) {
        environment.put("store", kind);
        environment.put("storeDurability", durability);
    }

    void idle(IdleCpu.Result result) {
        idle = result;
    }

    boolean hasLoads() {
        return !loads.isEmpty();
    }

    List<CommandLoad.Result> loads() {
        return loads;
    }

    List<JdbcFloor.Result> floors() {
        return floors;
    }

    void load(CommandLoad.Result result) {
        loads.add(result);
    }

    void floor(JdbcFloor.Result result) {
        floors.add(result);
    }

    void replay(Replay.Result result) {
        replay = result;
    }

    void console(ConsoleFigures.Result result) {
        console = result;
    }

    static String describe(ConsoleFigures.Result c) {
        StringBuilder text = new StringBuilder();
        for (ConsoleFigures.Page page : c.pages()) {
            text.append(String.format(
                    "%s %s p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d fragments); ",
                    page.name(),
                    page.path(),
                    ms(page.latency(), 50),
                    ms(page.latency(), 95),
                    page.latency().getMaxValue() / 1000.0,
                    page.fragments()));
        }
        return text.append(String.format(
                        "analytics replayed in %.1f s; idle %.2f %% of a core without consoles, %.2f %% with %d (%d streams each)",
                        c.analyticsReplaySeconds(),
                        c.idlePercentWithout(),
                        c.idlePercentWith(),
                        c.consoles(),
                        c.streamsPerConsole()))
                .toString();
    }

    void aggregate(String variant, AggregateLoad.Result result) {
        aggregates.put(variant, result);
    }

    static String describe(CommandLoad.Result r) {
        return String.format(
                "%s %s, %d clients: %,.0f orders/s, %,.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; lag p50 %.1f ms,"
                        + " p99 %.1f ms (%d samples); %d errors; %s durable commits per order%s; service CPU %.0f%%,"
                        + " %.2f ms per command; client CPU %.0f%%",
                r.target(),
                r.workload(),
                r.clients(),
                r.ordersPerSecond(),
                r.commandsPerSecond(),
                ms(r.commandLatency(), 50),
                ms(r.commandLatency(), 99),
                r.commandLatency().getMaxValue() / 1000.0,
                ms(r.projectionLag(), 50),
                ms(r.projectionLag(), 99),
                r.projectionLag().getTotalCount(),
                r.errors(),
                Double.isNaN(r.durableCommits()) ? "n/a" : String.format("%.1f", r.durableCommitsPerOrder()),
                Double.isNaN(r.forcedWrites())
                        ? ""
                        : String.format(" in %.1f forced writes of the store", r.forcedWritesPerOrder()),
                r.serviceCpuPercent(),
                r.serviceCpuMillisPerCommand(),
                r.clientCpuPercent());
    }

    void print(PrintStream out) {
        out.println();
        out.printf(
                "Ordo benchmark %s | store: %s | %s CPUs | commit %s | load average at start %s%n",
                runId,
                environment.get("store"),
                environment.get("processors"),
                environment.get("commit"),
                environment.get("loadAverageAtStart"));
        out.printf(
                "service JVM options: %s | service args: %s | JIT warm-up %d s once, warm-up %d s and measured %d s per"
                        + " phase%n%n",
                options.serviceJvmOptions().isEmpty() ? "(none)" : String.join(" ", options.serviceJvmOptions()),
                options.serviceArgs().isEmpty() ? "(none)" : String.join(" ", options.serviceArgs()),
                options.jitWarmupSeconds(),
                options.warmupSeconds(),
                options.durationSeconds());
        if (!loads.isEmpty()) {
            out.println("| workload | target | clients | orders/s | commands/s | p50 ms | p99 ms | max ms | lag p50 ms"
                    + " | lag p99 ms | errors | durable commits / order | CPU ms / command | service CPU"
                    + " | JDBC floor cmd/s | / floor | / baseline | load avg (1 5 15) |");
            out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (CommandLoad.Result r : loads) {
                JdbcFloor.Result floor = floorFor(r.clients());
                CommandLoad.Result baseline = baselineFor(r);
                out.printf(
                        "| %s | %s | %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %s | %s | %d | %s | %.2f | %.0f%% | %s | %s | %s | %s |%n",
                        r.workload(),
                        r.target(),
                        r.clients(),
                        r.ordersPerSecond(),
                        r.commandsPerSecond(),
                        ms(r.commandLatency(), 50),
                        ms(r.commandLatency(), 99),
                        r.commandLatency().getMaxValue() / 1000.0,
                        r.projectionLag().getTotalCount() == 0 ? "-" : String.format("%.1f", ms(r.projectionLag(), 50)),
                        r.projectionLag().getTotalCount() == 0 ? "-" : String.format("%.1f", ms(r.projectionLag(), 99)),
                        r.errors(),
                        Double.isNaN(r.durableCommits()) ? "-" : String.format("%.1f", r.durableCommitsPerOrder()),
                        r.serviceCpuMillisPerCommand(),
                        r.serviceCpuPercent(),
                        floor == null ? "-" : String.format("%,.0f", floor.commandsPerSecond()),
                        floor == null ? "-" : String.format("%.2f", r.commandsPerSecond() / floor.commandsPerSecond()),
                        baseline == null
                                ? "-"
                                : String.format("%.2f", r.commandsPerSecond() / baseline.commandsPerSecond()),
                        r.loadAfter());
            }
            out.println();
            for (CommandLoad.Result r : loads) {
                out.printf(
                        "%s %s, %d clients: lag samples %d (skipped %d, over 2 s %d), orders processor %d events behind"
                                + " at the end, projections caught up %.1f s later; CPU ms / command with that catching"
                                + " up %.2f%s%n    CPU by thread: %s%n",
                        r.target(),
                        r.workload(),
                        r.clients(),
                        r.projectionLag().getTotalCount(),
                        r.lagSamplesSkipped(),
                        r.lagSamplesTimedOut(),
                        r.ordersProcessorLagAtEnd(),
                        r.drainSeconds(),
                        r.serviceCpuMillisPerCommandWithDrain(),
                        r.errorSamples().isEmpty() ? "" : "; errors: " + r.errorSamples(),
                        shares(r.cpuShares()));
            }
        }
        if (idle != null) {
            out.printf(
                    "idle service: %.2f %% of one core (%.2f s of CPU in %.1f s, settled %.0f s after the load); by"
                            + " thread: %s%n",
                    idle.percentOfCore(),
                    idle.cpuSeconds(),
                    idle.seconds(),
                    idle.settledAfterSeconds(),
                    seconds(idle.cpuSecondsByThreadGroup()));
        }
        if (loads.isEmpty() && !floors.isEmpty()) {
            for (JdbcFloor.Result floor : floors) {
                out.printf("JDBC floor, %d threads: %,.0f commands/s%n", floor.clients(), floor.commandsPerSecond());
            }
        }
        if (replay != null) {
            out.printf(
                    "replay of the orders projection: %,d events (%,d of them orders') in %.1f s = %,.0f events/s,"
                            + " service CPU %.0f µs per event (store filled with %,d copied events in %.1f s;"
                            + " load avg %s)%n",
                    replay.storedEvents(),
                    replay.orderEvents(),
                    replay.replaySeconds(),
                    replay.eventsPerSecond(),
                    replay.serviceCpuMicrosPerEvent(),
                    replay.insertedEvents(),
                    replay.fillSeconds(),
                    replay.loadAfter());
        }
        if (console != null) {
            out.println();
            out.printf(
                    "console: the analytics replayed over the full store in %.1f s%n",
                    console.analyticsReplaySeconds());
            out.println("| console screen (full store) | path | p50 ms | p95 ms | max ms | fragments loaded with it |");
            out.println("|---|---|---:|---:|---:|---:|");
            for (ConsoleFigures.Page page : console.pages()) {
                out.printf(
                        "| %s | %s | %.1f | %.1f | %.1f | %d |%n",
                        page.name(),
                        page.path(),
                        ms(page.latency(), 50),
                        ms(page.latency(), 95),
                        page.latency().getMaxValue() / 1000.0,
                        page.fragments());
            }
            out.printf(
                    "idle service: %.2f %% of one core without consoles, %.2f %% with %d consoles open (%d live streams"
                            + " each), over %.0f s%n",
                    console.idlePercentWithout(),
                    console.idlePercentWith(),
                    console.consoles(),
                    console.streamsPerConsole(),
                    console.idleSeconds());
        }
        aggregates.forEach((variant, a) -> out.printf(
                "load an order of %,d events, %s: %s%n",
                a.events(),
                variant,
                variant.startsWith("snapshot") && a.snapshots() == 0
                        ? "n/a (snapshots not enabled in this build)"
                        : String.format(
                                "%.1f ms (no-op command p50 %.1f ms vs %.1f ms on a one-event order; %d snapshots)",
                                a.loadMillis(), ms(a.longOrder(), 50), ms(a.shortOrder(), 50), a.snapshots())));
        out.println();
    }

    Path write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", runId);
        json.put("environment", environment);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clients", options.clients());
        settings.put("workloads", options.workloads());
        settings.put("idleSeconds", options.idleSeconds());
        settings.put("jitWarmupSeconds", options.jitWarmupSeconds());
        settings.put("warmupSeconds", options.warmupSeconds());
        settings.put("durationSeconds", options.durationSeconds());
        settings.put("floorSeconds", options.floorSeconds());
        settings.put("products", options.products());
        settings.put("replayEvents", options.replayEvents());
        settings.put("aggregateEvents", options.aggregateEvents());
        json.put("settings", settings);
        List<Map<String, Object>> phases = new ArrayList<>();
        for (CommandLoad.Result r : loads) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("workload", r.workload());
            phase.put("target", r.target());
            phase.put("clients", r.clients());
            phase.put("ordersPerSecond", round(r.ordersPerSecond()));
            phase.put("commandsPerSecond", round(r.commandsPerSecond()));
            phase.put("commandLatencyMs", latency(r.commandLatency()));
            // the first command places the order; the second adds a line (edit) or confirms it (fulfil)
            phase.put("placeLatencyMs", latency(r.firstLatency()));
            phase.put("secondCommandLatencyMs", latency(r.secondLatency()));
            phase.put("projectionLagMs", latency(r.projectionLag()));
            phase.put("projectionLagSamplesSkipped", r.lagSamplesSkipped());
            phase.put("projectionLagSamplesOver2s", r.lagSamplesTimedOut());
            phase.put("ordersProcessorLagAtEnd", r.ordersProcessorLagAtEnd());
            phase.put("drainSeconds", round(r.drainSeconds()));
            phase.put("errors", r.errors());
            phase.put("errorSamples", r.errorSamples());
            phase.put("serviceCpuPercent", round(r.serviceCpuPercent()));
            phase.put("serviceCpuMsPerCommand", round(r.serviceCpuMillisPerCommand()));
            phase.put("serviceCpuMsPerCommandWithDrain", round(r.serviceCpuMillisPerCommandWithDrain()));
            phase.put("clientCpuPercent", round(r.clientCpuPercent()));
            phase.put("durableCommits", Double.isNaN(r.durableCommits()) ? null : r.durableCommits());
            phase.put(
                    "durableCommitsPerOrder",
                    Double.isNaN(r.durableCommits()) ? null : round(r.durableCommitsPerOrder()));
            phase.put("forcedWritesPerOrder", Double.isNaN(r.forcedWrites()) ? null : round(r.forcedWritesPerOrder()));
            Map<String, Object> shares = new LinkedHashMap<>();
            r.cpuShares().forEach((group, share) -> shares.put(group, round(share)));
            phase.put("cpuSharePercentByThreadGroup", shares);
            JdbcFloor.Result floor = floorFor(r.clients());
            if (floor != null) {
                phase.put("jdbcFloorCommandsPerSecond", round(floor.commandsPerSecond()));
                phase.put("serviceToFloorRatio", round(r.commandsPerSecond() / floor.commandsPerSecond()));
            }
            CommandLoad.Result baseline = baselineFor(r);
            if (baseline != null && baseline.commands() > 0) {
                phase.put("baselineCommandsPerSecond", round(baseline.commandsPerSecond()));
                phase.put("serviceToBaselineRatio", round(r.commandsPerSecond() / baseline.commandsPerSecond()));
            }
            phase.put("loadAverageBefore", r.loadBefore());
            phase.put("loadAverageAfter", r.loadAfter());
            phases.add(phase);
        }
        json.put("load", phases);
        if (idle != null) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("settledAfterSeconds", round(idle.settledAfterSeconds()));
            i.put("seconds", round(idle.seconds()));
            i.put("cpuSeconds", round(idle.cpuSeconds()));
            i.put("percentOfOneCore", round(idle.percentOfCore()));
            Map<String, Object> groups = new LinkedHashMap<>();
            idle.cpuSecondsByThreadGroup().forEach((group, seconds) -> groups.put(group, round(seconds)));
            i.put("cpuSecondsByThreadGroup", groups);
            json.put("idle", i);
        }
        List<Map<String, Object>> floorJson = new ArrayList<>();
        for (JdbcFloor.Result floor : floors) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("clients", floor.clients());
            f.put("commandsPerSecond", round(floor.commandsPerSecond()));
            f.put("latencyMs", latency(floor.latency()));
            f.put("loadAverageBefore", floor.loadBefore());
            floorJson.add(f);
        }
        json.put("jdbcFloor", floorJson);
        if (replay != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("storedEvents", replay.storedEvents());
            r.put("orderEvents", replay.orderEvents());
            r.put("seconds", round(replay.replaySeconds()));
            r.put("eventsPerSecond", round(replay.eventsPerSecond()));
            r.put("serviceCpuMicrosPerEvent", round(replay.serviceCpuMicrosPerEvent()));
            r.put("insertedEvents", replay.insertedEvents());
            r.put("fillSeconds", round(replay.fillSeconds()));
            r.put("loadAverageBefore", replay.loadBefore());
            r.put("loadAverageAfter", replay.loadAfter());
            json.put("replay", r);
        }
        if (console != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            List<Map<String, Object>> pages = new ArrayList<>();
            for (ConsoleFigures.Page page : console.pages()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("screen", page.name());
                p.put("path", page.path());
                p.put("fragmentsLoadedWithIt", page.fragments());
                p.put("latencyMs", latency(page.latency()));
                pages.add(p);
            }
            c.put("analyticsReplaySeconds", round(console.analyticsReplaySeconds()));
            c.put("screens", pages);
            c.put("consoles", console.consoles());
            c.put("liveStreamsPerConsole", console.streamsPerConsole());
            c.put("idleSeconds", round(console.idleSeconds()));
            c.put("idlePercentOfOneCoreWithoutConsoles", round(console.idlePercentWithout()));
            c.put("idlePercentOfOneCoreWithConsoles", round(console.idlePercentWith()));
            json.put("console", c);
        }
        Map<String, Object> aggregateJson = new LinkedHashMap<>();
        aggregates.forEach((variant, a) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("events", a.events());
            v.put("snapshotsStored", a.snapshots());
            boolean unavailable = variant.startsWith("snapshot") && a.snapshots() == 0;
            v.put("loadMs", unavailable ? "n/a (snapshots not enabled in this build)" : round(a.loadMillis()));
            v.put("noOpOnLongOrderMs", latency(a.longOrder()));
            v.put("noOpOnOneEventOrderMs", latency(a.shortOrder()));
            aggregateJson.put(variant, v);
        });
        json.put("aggregateLoad", aggregateJson);
        Files.createDirectories(dir);
        Path file = dir.resolve(runId + (options.postgres() ? "-postgres" : "-h2") + ".json");
        Http.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }

    /** Ordo's phase of the same workload and clients as a baseline phase: the ratio is given on Ordo's row. */
    CommandLoad.Result baselineFor(CommandLoad.Result r) {
        if (!r.target().equals("Ordo")) {
            return null;
        }
        return loads.stream()
                .filter(b -> b.target().equals("baseline")
                        && b.workload().equals(r.workload())
                        && b.clients() == r.clients())
                .findFirst()
                .orElse(null);
    }

    private static String seconds(Map<String, Double> seconds) {
        StringBuilder text = new StringBuilder();
        seconds.forEach((group, s) ->
                text.append(text.length() == 0 ? "" : ", ").append(group).append(String.format(" %.2f s", s)));
        return text.length() == 0 ? "n/a" : text.toString();
    }

    private static String shares(Map<String, Double> shares) {
        StringBuilder text = new StringBuilder();
        shares.forEach((group, share) ->
                text.append(text.length() == 0 ? "" : ", ").append(group).append(String.format(" %.0f%%", share)));
        return text.length() == 0 ? "n/a" : text.toString();
    }

    JdbcFloor.Result floorFor(int clients) {
        return floors.stream().filter(f -> f.clients() == clients).findFirst().orElse(null);
    }

    private static Map<String, Object> latency(Histogram h) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("count", h.getTotalCount());
        l.put("p50", ms(h, 50));
        l.put("p90", ms(h, 90));
        l.put("p95", ms(h, 95));
        l.put("p99", ms(h, 99));
        l.put("max", round(h.getMaxValue() / 1000.0));
        return l;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
