package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.OrdoNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One of two instances dies in the middle of a stream of orders; the other takes over its segments once their claims
 * time out, and the projections end up holding every order of the event store exactly once.
 *
 * <p>How the crash is simulated: both instances run in this JVM, so neither can be killed on its own. Instead they log
 * in to PostgreSQL as two different roles, and at the crash the test forbids {@code node_a} to log in and terminates
 * its sessions. From then on the database sees what it would see if node-a's process had died: its open transactions
 * (a command, a batch of projection updates with its token) are rolled back by PostgreSQL, its segment claims stay in
 * {@code token_entry} with their last timestamp, its heartbeat row goes stale, and it can never write again, not even
 * to release its claims when the test finally closes it. The claim timeout is 2 seconds here (10 by default). Clients
 * send to node-a only until the crash, as a load balancer would after its health check fails.
 */
class InstanceCrashIT {

    private static final int ORDERS = 600;
    private static final int CRASH_AFTER = 200;

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private final List<OrdoNode> nodes = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        nodes.forEach(OrdoNode::close);
    }

    @Test
    void theSurvivorTakesOverTheSegmentsOfACrashedInstanceAndLosesOrDoublesNothing() throws Exception {
        String database = postgres.newDatabase();
        postgres.execute("create role node_a login superuser password 'node_a'");
        postgres.execute("create role node_b login superuser password 'node_b'");
        JdbcTemplate sql = postgres.jdbc(database);
        SegmentClaims claims = new SegmentClaims(sql);
        OrdoNode a = start("node-a", database, "node_a");
        OrdoNode b = start("node-b", database, "node_b");
        claims.awaitEveryProcessorHeldAs(Map.of("node-a", 2, "node-b", 2), Duration.ofSeconds(60));

        AtomicBoolean crashed = new AtomicBoolean();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> failedOn = ConcurrentHashMap.newKeySet();
        Map<String, String> firstFailure = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                PlaceOrder order = placeOrder("crash-" + i, "crash-customer-" + i % 7, 1 + i % 4);
                boolean toA = i % 2 == 0;
                sent.add(clients.submit(() -> {
                    OrdoNode node = toA && !crashed.get() ? a : b;
                    try {
                        node.bean(CommandGateway.class).sendAndWait(order, 30, TimeUnit.SECONDS);
                        acknowledged.add(order.orderId());
                    } catch (RuntimeException | AssertionError e) {
                        // pgjdbc asserts on a connection terminated mid-batch when assertions are on, as in tests
                        failedOn.add(node.name());
                        firstFailure.putIfAbsent(node.name(), e.toString());
                    }
                }));
            }

            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= CRASH_AFTER);
            crash("node_a");
            crashed.set(true);
            assertThat(claims.owners().get("orders"))
                    .as("a crashed instance releases nothing")
                    .containsKey("node-a");

            for (Future<?> order : sent) {
                order.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(failedOn)
                .as("only commands caught in node-a's crash fail; first failures: %s", firstFailure)
                .isSubsetOf("node-a");
        claims.awaitEveryProcessorHeldAs(Map.of("node-b", 4), Duration.ofSeconds(60));
        ReadModelAudit audit = new ReadModelAudit(sql, "crash-");
        assertThat(audit.placedInEventStore().keySet()).containsAll(acknowledged);
        audit.awaitProjectionsMatchEventStore();
        assertThat(b.isRunning()).isTrue();
    }

    /** Cuts the role's instance off the database for good, as if its process had died. */
    private static void crash(String role) {
        postgres.execute("alter role " + role + " nologin");
        postgres.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + role + "'");
    }

    private OrdoNode start(String nodeId, String database, String role) {
        OrdoNode node = OrdoNode.start(
                nodeId,
                database,
                SegmentClaims.instance(
                        nodeId,
                        "--ORDO_DB_USER=" + role,
                        "--ORDO_DB_PASSWORD=" + role,
                        "--axon.eventhandling.tokenstore.claim-timeout=2s",
                        // a cut-off instance gives up on the database after a second instead of thirty
                        "--spring.datasource.hikari.connection-timeout=1000"));
        nodes.add(node);
        return node;
    }

    private static PlaceOrder placeOrder(String orderId, String customerId, int quantity) {
        return new PlaceOrder(
                orderId,
                customerId,
                "EUR",
                List.of(new OrderLine("sku-1", "Mug", quantity, new BigDecimal("4.75"))),
                new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE"));
    }
}
