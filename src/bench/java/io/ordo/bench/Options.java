package io.ordo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The benchmark's command line: {@code --name=value} options; {@code --help} lists them. */
record Options(
        boolean postgres,
        List<Integer> clients,
        List<String> workloads,
        int jitWarmupSeconds,
        int warmupSeconds,
        int durationSeconds,
        int floorSeconds,
        int products,
        int replayEvents,
        int aggregateEvents,
        int idleSeconds,
        int consoles,
        String user,
        String password,
        String adminUser,
        String adminPassword,
        Path jar,
        Path workDir,
        Path resultsDir,
        List<String> serviceJvmOptions,
        List<String> serviceArgs,
        Set<String> skip,
        String label) {

    static final String USAGE = """
            bench/run.sh [--postgres] [options]

              --postgres                 run against an embedded PostgreSQL with the postgres profile (default: H2 file)
              --clients=8,32             concurrent clients of the load phases
              --workloads=edit,fulfil    edit: place an order (2 lines), add a line (no saga); fulfil: place one
                                         (3 lines), confirm it (the saga reserves stock and requests the payment)
              --jit-warmup=120           seconds of unmeasured load each service (Ordo, the baseline) runs once
                                         after it starts, before its first phase: the JIT's compiling time
              --warmup=15                seconds of load before each phase is measured
              --duration=30              seconds each load phase is measured
              --floor-duration=10        seconds each JDBC floor phase is measured (after a warm-up of 3)
              --products=100             products registered before the load; each order takes 3 different ones
              --replay-events=200000     events in the store when the orders projection is replayed
              --aggregate-events=1000    events of the order whose loading is timed
              --user=clerk --password=clerk             HTTP Basic credentials for /api/**
              --admin-user=admin --admin-password=admin credentials for /api/admin/**
              --jvm-opts="-Xmx1g ..."    JVM options of the service
              --service-arg=--name=value a property for the service (repeatable)
              --idle=10                  seconds the idle service's CPU is measured after the load has drained
              --consoles=50              signed-in consoles holding their live streams while the idle CPU is measured
              --skip=load,baseline,idle,floor,replay,console,aggregate  phases to leave out
              --label=text               a note stored with the result
              --jar=target/ordo.jar --work-dir=target/bench --results=bench/results
            """;

    static Options parse(String[] args) {
        boolean postgres = false;
        List<Integer> clients = List.of(8, 32);
        List<String> workloads = List.of(Scenario.EDIT, Scenario.FULFIL);
        int idle = 10;
        int consoles = 50;
        int jitWarmup = 120;
        int warmup = 15;
        int duration = 30;
        int floor = 10;
        int products = 100;
        int replayEvents = 200_000;
        int aggregateEvents = 1_000;
        String user = "clerk";
        String password = "clerk";
        String adminUser = "admin";
        String adminPassword = "admin";
        Path jar = Path.of("target/ordo.jar");
        Path workDir = Path.of("target/bench");
        Path results = Path.of("bench/results");
        List<String> jvmOptions = new ArrayList<>();
        List<String> serviceArgs = new ArrayList<>();
        Set<String> skip = new HashSet<>();
        String label = "";
        for (String arg : args) {
            if (arg.equals("--postgres")) {
                postgres = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "clients" ->
                    clients = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList();
                case "workloads" -> {
                    workloads =
                            Arrays.stream(value.split(",")).map(String::trim).toList();
                    workloads.forEach(Scenario::ordo);
                }
                case "idle" -> idle = Integer.parseInt(value);
                case "consoles" -> consoles = Integer.parseInt(value);
                case "jit-warmup" -> jitWarmup = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "duration" -> duration = Integer.parseInt(value);
                case "floor-duration" -> floor = Integer.parseInt(value);
                case "products" -> products = Integer.parseInt(value);
                case "replay-events" -> replayEvents = Integer.parseInt(value);
                case "aggregate-events" -> aggregateEvents = Integer.parseInt(value);
                case "user" -> user = value;
                case "password" -> password = value;
                case "admin-user" -> adminUser = value;
                case "admin-password" -> adminPassword = value;
                case "jar" -> jar = Path.of(value);
                case "work-dir" -> workDir = Path.of(value);
                case "results" -> results = Path.of(value);
                case "jvm-opts" ->
                    jvmOptions.addAll(Arrays.stream(value.trim().split("\\s+"))
                            .filter(s -> !s.isEmpty())
                            .toList());
                case "service-arg" -> serviceArgs.add(value);
                case "skip" -> skip.addAll(Arrays.asList(value.split(",")));
                case "label" -> label = value;
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        if (products < 3) {
            throw new IllegalArgumentException("--products must be at least 3: an order has 3 different lines");
        }
        return new Options(
                postgres,
                clients,
                workloads,
                jitWarmup,
                warmup,
                duration,
                floor,
                products,
                replayEvents,
                aggregateEvents,
                idle,
                consoles,
                user,
                password,
                adminUser,
                adminPassword,
                jar,
                workDir,
                results,
                List.copyOf(jvmOptions),
                List.copyOf(serviceArgs),
                Set.copyOf(skip),
                label);
    }

    boolean runs(String phase) {
        return !skip.contains(phase);
    }
}
