package io.ordo.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of a process's threads, from Linux's {@code /proc/<pid>/task/<tid>/stat} (utime + stime), grouped by what
 * the thread does. The kernel keeps only 15 characters of a thread's name ({@code comm}), which cannot tell the
 * {@code orders} processor's {@code WorkPackage[orders]-0} from the saga's {@code WorkPackage[order-fulfilment]-0}, so
 * the full names come from the JVM itself ({@code jcmd <pid> Thread.print}, whose {@code nid} is the thread id); a
 * thread it did not list keeps its {@code comm}. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private static final Pattern JSTACK_THREAD =
            Pattern.compile("^\"(.+?)\" .*nid=(0x[0-9a-f]+|\\d+)", Pattern.MULTILINE);
    private static final Pattern PROCESSOR = Pattern.compile("^(?:WorkPackage|Coordinator)\\[(.+)]");

    /** Ticks used so far per thread id, with each thread's full name. */
    record Snapshot(Map<Long, Long> ticks, Map<Long, String> names) {

        /**
         * CPU seconds per group between {@code earlier} and this snapshot, largest first; a thread is named by
         * {@code javaNames} (see {@link #javaThreadNames}) where it is listed there, else by its kernel name.
         */
        Map<String, Double> secondsByGroupSince(Snapshot earlier, Map<Long, String> javaNames) {
            Map<String, Double> groups = new HashMap<>();
            ticks.forEach((tid, now) -> {
                long before = earlier.ticks.getOrDefault(tid, 0L);
                String name = javaNames.getOrDefault(tid, names.getOrDefault(tid, "?"));
                groups.merge(group(name), (now - before) / TICKS_PER_SECOND, Double::sum);
            });
            Map<String, Double> sorted = new LinkedHashMap<>();
            groups.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    private ThreadCpu() {}

    /**
     * CPU seconds the whole process has used so far, its exited threads included ({@code /proc/<pid>/stat}); NaN
     * where there is no {@code /proc}.
     */
    static double processSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a {@code stat} line: fields 14 and 15, counted after the name in parentheses (it may hold spaces). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Every thread's ticks and kernel name: cheap (no attach), so it can be taken at the very start and end of a
     * measured window; the Java names are asked for afterwards, outside it.
     */
    static Snapshot snapshot(long pid) {
        Map<Long, Long> ticks = new TreeMap<>();
        Map<Long, String> names = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return new Snapshot(ticks, names);
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    long tid = Long.parseLong(thread.getFileName().toString());
                    ticks.put(tid, ticks(Files.readString(thread.resolve("stat"))));
                    names.put(tid, Files.readString(thread.resolve("comm")).trim());
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return new Snapshot(ticks, names);
        }
        return new Snapshot(ticks, names);
    }

    /**
     * Thread id to full Java name, from {@code jcmd}; empty if it cannot attach. It takes a second or more and some
     * CPU of the service (a thread dump), so it is called after a measured window, not inside it.
     */
    static Map<Long, String> javaThreadNames(long pid) {
        Map<Long, String> names = new HashMap<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "Thread.print"))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Matcher thread = JSTACK_THREAD.matcher(output);
            while (thread.find()) {
                String nid = thread.group(2);
                names.put(
                        nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid),
                        thread.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // no jcmd: the kernel's names will do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return names;
    }

    /** What a thread of the service does, by its name. */
    static String group(String name) {
        Matcher processor = PROCESSOR.matcher(name);
        if (processor.find()) {
            return "processor " + processor.group(1);
        }
        if (name.startsWith("http-nio-")) {
            return "HTTP requests";
        }
        if (name.startsWith("EventStore") || name.startsWith("EmbeddedEventStore")) {
            return "event store producer";
        }
        if (name.startsWith("ordo-processor-wake")) {
            return "processor wake-ups";
        }
        if (name.startsWith("db-scheduler")) {
            return "deadlines (db-scheduler)";
        }
        if (name.startsWith("GC ")
                || name.startsWith("G1 ")
                || name.startsWith("VM Thread")
                || name.startsWith("VM Periodic")) {
            return "JVM: garbage collection and VM";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "JVM: JIT compiler";
        }
        if (name.startsWith("H2-") || name.startsWith("MVStore")) {
            // with a write delay H2 serialises and writes its stores on threads of its own (H2-serialization,
            // H2-save, the background writer); the committing thread waits for them
            return "H2 store writes";
        }
        if (name.startsWith("HikariPool")) {
            return "connection pool";
        }
        if (name.startsWith("ledger-")) {
            // the sealer (ledger-sealer) and full verifications (ledger-verification); the auditor runs on the
            // scheduler
            return "ledger (integrity)";
        }
        return "other";
    }
}
