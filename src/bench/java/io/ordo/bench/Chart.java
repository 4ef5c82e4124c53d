package io.ordo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The run's chart as SVG, written beside its JSON: for each workload, commands/s and p99 latency against the number of
 * clients, Ordo beside the plain-Axon baseline and (for throughput) the JDBC floor. Plain SVG text, so the
 * performance doc can embed it and no charting library is needed.
 */
final class Chart {

    private static final int PANEL_WIDTH = 440;
    private static final int PANEL_HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;
    private static final Map<String, String> COLOURS =
            Map.of("Ordo", "#1f77b4", "baseline", "#ff7f0e", "JDBC floor", "#7f7f7f");

    private record Series(String name, Map<Integer, Double> points) {}

    private Chart() {}

    static Path write(Report report, Path file) throws IOException {
        List<String> workloads = report.loads().stream()
                .map(CommandLoad.Result::workload)
                .distinct()
                .toList();
        StringBuilder svg = new StringBuilder();
        int width = 2 * PANEL_WIDTH;
        int height = workloads.size() * PANEL_HEIGHT;
        svg.append(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
                        .formatted(width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int row = 0; row < workloads.size(); row++) {
            String workload = workloads.get(row);
            List<Series> throughput = series(report, workload, CommandLoad.Result::commandsPerSecond);
            Map<Integer, Double> floor = new LinkedHashMap<>();
            report.floors().forEach(f -> floor.put(f.clients(), f.commandsPerSecond()));
            if (!floor.isEmpty()) {
                throughput.add(new Series("JDBC floor", floor));
            }
            panel(svg, 0, row * PANEL_HEIGHT, workload + ": commands/s", throughput);
            panel(
                    svg,
                    PANEL_WIDTH,
                    row * PANEL_HEIGHT,
                    workload + ": p99 latency, ms",
                    series(report, workload, r -> r.commandLatency().getValueAtPercentile(99) / 1000.0));
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg);
        return file;
    }

    private static List<Series> series(Report report, String workload, ToDoubleFunction<CommandLoad.Result> value) {
        Map<String, Map<Integer, Double>> byTarget = new LinkedHashMap<>();
        for (CommandLoad.Result r : report.loads()) {
            if (r.workload().equals(workload)) {
                byTarget.computeIfAbsent(r.target(), t -> new LinkedHashMap<>())
                        .put(r.clients(), value.applyAsDouble(r));
            }
        }
        List<Series> series = new ArrayList<>();
        byTarget.forEach((target, points) -> series.add(new Series(target, points)));
        return series;
    }

    private static void panel(StringBuilder svg, int x0, int y0, String title, List<Series> series) {
        TreeSet<Integer> clients = new TreeSet<>();
        double max = 0;
        for (Series s : series) {
            clients.addAll(s.points().keySet());
            for (double v : s.points().values()) {
                max = Math.max(max, v);
            }
        }
        max = niceCeiling(max);
        int plotWidth = PANEL_WIDTH - LEFT - RIGHT;
        int plotHeight = PANEL_HEIGHT - TOP - BOTTOM;
        int left = x0 + LEFT;
        int bottom = y0 + TOP + plotHeight;
        List<Integer> xs = new ArrayList<>(clients);
        svg.append("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n".formatted(left, y0 + 20, title));
        svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                .formatted(left, bottom, left + plotWidth, bottom));
        svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                .formatted(left, bottom, left, bottom - plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = bottom - plotHeight * tick / 4.0;
            svg.append("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
                    .formatted(left, y, left + plotWidth, y));
            svg.append(
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>\n".formatted(left - 5, y + 4, value));
        }
        for (int i = 0; i < xs.size(); i++) {
            svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n"
                    .formatted(x(i, xs.size(), left, plotWidth), bottom + 16, xs.get(i)));
        }
        svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">clients</text>\n"
                .formatted(left + plotWidth / 2, bottom + 32));
        int legend = 0;
        for (Series s : series) {
            String colour = COLOURS.getOrDefault(s.name(), "black");
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                Double v = s.points().get(xs.get(i));
                if (v == null) {
                    continue;
                }
                double x = x(i, xs.size(), left, plotWidth);
                double y = bottom - (max == 0 ? 0 : plotHeight * v / max);
                points.append("%.1f,%.1f ".formatted(x, y));
                svg.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n".formatted(x, y, colour));
            }
            svg.append("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n"
                    .formatted(points.toString().trim(), colour));
            int ly = y0 + TOP + 4 + 16 * legend++;
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>\n"
                    .formatted(left + plotWidth - 90, ly - 9, colour));
            svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(left + plotWidth - 75, ly, s.name()));
        }
    }

    private static double x(int index, int count, int left, int plotWidth) {
        return count == 1 ? left + plotWidth / 2.0 : left + 20 + (plotWidth - 40) * index / (double) (count - 1);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
