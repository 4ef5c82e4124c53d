package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Replay speed of the order projections. The store the load phases left is filled up to the target with copies of a
 * real placed-and-confirmed order (bulk JDBC, while the service is stopped), every processor's token is moved to the
 * new head so the restarted service has nothing to catch up on, and then {@code POST
 * /api/admin/processors/orders/replay} rebuilds {@code order_summary} and {@code order_detail} from the first event;
 * the clock stops when the processor reports it is no longer replaying and has no lag.
 */
final class Replay {

    /** The fill and the replay it measured. */
    record Result(
            long insertedEvents,
            double fillSeconds,
            long storedEvents,
            long orderEvents,
            double replaySeconds,
            double serviceCpuSeconds,
            String loadBefore,
            String loadAfter) {

        double eventsPerSecond() {
            return storedEvents / replaySeconds;
        }

        double serviceCpuMicrosPerEvent() {
            return 1e6 * serviceCpuSeconds / storedEvents;
        }
    }

    private Replay() {}

    /** How many events the stopped service's store holds: all of them, and the orders' own. */
    static long[] countEvents(Store.Instance instance) throws SQLException {
        try (Connection connection = instance.connect()) {
            return new long[] {
                count(connection, "select count(*) from domain_event_entry"),
                count(connection, "select count(*) from domain_event_entry where type = 'Order'")
            };
        }
    }

    /** Fills the stopped service's store to at least {@code target} events; answers the events inserted. */
    static long fill(Store store, Store.Instance instance, EventRows rows, long target) throws SQLException {
        try (Connection connection = instance.connect()) {
            long stored = count(connection, "select count(*) from domain_event_entry");
            long orders = Math.max(0, (target - stored + 1) / 2);
            connection.setAutoCommit(false);
            try (EventRows.Writer writer = rows.writer(connection, store.nextGlobalIndex())) {
                for (long n = 0; n < orders; n++) {
                    writer.addOrderToBatch("replay-" + n);
                    if (n % 500 == 499 || n == orders - 1) {
                        writer.executeBatch();
                        connection.commit();
                    }
                }
            }
            moveTokensToHead(connection);
            connection.commit();
            return orders * 2;
        }
    }

    /** Every processor's token to the head, as if it had handled everything (the saga must not see the copies). */
    private static void moveTokensToHead(Connection connection) throws SQLException {
        long head = count(connection, "select max(global_index) from domain_event_entry");
        byte[] token = ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement update = connection.prepareStatement("update token_entry set token = ?, token_type = ?"
                + " where token is not null or token_type is not null")) {
            update.setBytes(1, token);
            update.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
            update.executeUpdate();
        }
    }

    static long count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Replays the orders processor of a running service and waits until it is done. */
    static Result replay(ServiceProcess service, long stored, long orderEvents, long inserted, double fillSeconds) {
        String loadBefore = Machine.loadAverage();
        try (Http admin = service.adminHttp()) {
            double cpuBefore = service.cpuSeconds();
            long start = System.nanoTime();
            replayAndAwait(admin, "orders");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = service.cpuSeconds() - cpuBefore;
            return new Result(
                    inserted, fillSeconds, stored, orderEvents, seconds, cpu, loadBefore, Machine.loadAverage());
        }
    }

    /**
     * Starts a replay of the processor and waits, up to 30 minutes, until it reports it is no longer replaying and has
     * no lag.
     */
    static void replayAndAwait(Http admin, String processor) {
        Http.Response started = admin.post("/api/admin/processors/" + processor + "/replay", null);
        if (started.status() != 202) {
            throw new IllegalStateException("replay of " + processor + " refused: " + started);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        JsonNode status;
        do {
            ServiceProcess.sleep(100);
            status = admin.get("/api/admin/processors/" + processor).json();
        } while ((status.get("replaying").asBoolean() || status.get("lag").asLong() > 0)
                && System.nanoTime() < deadline);
        if (status.get("replaying").asBoolean() || status.get("lag").asLong() > 0) {
            throw new IllegalStateException("the replay of " + processor + " did not finish: " + status);
        }
    }
}
