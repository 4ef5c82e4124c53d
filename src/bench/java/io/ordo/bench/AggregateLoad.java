package io.ordo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long loading an aggregate takes: an order is given {@code events} events (placed, then its first line's
 * quantity changed back and forth), and a command that changes nothing but must load the order (setting the quantity
 * it already has) is timed on it, alternately with the same command on an order of one event. The difference of the
 * medians is the cost of loading the long history. The service runs without an aggregate cache for this, or the cache
 * would answer instead of the store.
 */
final class AggregateLoad {

    private static final int WARMUP = 50;
    private static final int MEASURED = 200;

    /** Latencies (microseconds) of the no-op command on the long and on the one-event order. */
    record Result(int events, Histogram longOrder, Histogram shortOrder, long snapshots) {

        double loadMillis() {
            return (longOrder.getValueAtPercentile(50) - shortOrder.getValueAtPercentile(50)) / 1000.0;
        }
    }

    private AggregateLoad() {}

    static Result measure(ServiceProcess service, String prefix, int events) {
        String longId = prefix + "-long";
        String shortId = prefix + "-short";
        String line = Workload.productId(0);
        try (Http http = service.http()) {
            place(http, longId);
            place(http, shortId);
            int quantity = 1;
            for (int version = 1; version < events; version++) {
                quantity = quantity == 1 ? 2 : 1;
                expectVersion(http.patch(lineOf(longId, line), quantity(quantity)), version);
            }
            Histogram longOrder = CommandLoad.histogram();
            Histogram shortOrder = CommandLoad.histogram();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                time(http, lineOf(longId, line), quantity(quantity), events - 1, i < WARMUP ? null : longOrder);
                time(http, lineOf(shortId, line), quantity(1), 0, i < WARMUP ? null : shortOrder);
            }
            return new Result(events, longOrder, shortOrder, -1);
        }
    }

    /** How many snapshots the store holds of the long order (the service must be stopped when it is H2). */
    static long snapshots(Store.Instance store, String prefix) throws SQLException {
        try (Connection connection = store.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ?")) {
            query.setString(1, prefix + "-long");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void time(Http http, String path, String body, long expectedVersion, Histogram into) {
        long start = System.nanoTime();
        Http.Response answer = http.patch(path, body);
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        expectVersion(answer, expectedVersion);
        if (into != null) {
            into.recordValue(micros);
        }
    }

    private static void place(Http http, String orderId) {
        Http.Response placed = http.post(
                "/api/orders",
                Workload.placeOrder(
                        orderId,
                        "customer-aggregate",
                        Workload.productId(0),
                        Workload.productId(1),
                        Workload.productId(2)));
        if (placed.status() != 201) {
            throw new IllegalStateException("could not place " + orderId + ": " + placed);
        }
    }

    private static void expectVersion(Http.Response answer, long version) {
        if (!answer.ok() || answer.json().get("version").asLong() != version) {
            throw new IllegalStateException("expected version " + version + ", got " + answer);
        }
    }

    private static String lineOf(String orderId, String productId) {
        return "/api/orders/" + orderId + "/lines/" + productId;
    }

    private static String quantity(int quantity) {
        return "{\"quantity\":" + quantity + "}";
    }
}
