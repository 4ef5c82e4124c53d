package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.integrity.service.VerificationJob;
import io.ordo.integrity.service.VerificationJobs;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.Orders;
import io.ordo.support.OrdoNode;
import io.ordo.support.Products;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of Ordo on one real PostgreSQL, as the {@code postgres} profile runs them in production: two application
 * contexts in this JVM, each with its own node id, HTTP port and connection pool, sharing nothing but the database.
 * Each test uses orders of its own, so they share the two instances; the last one stops an instance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOnOnePostgresIT {

    private static final Duration REBALANCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static final String GAP_TIMEOUT = "--ordo.integrity.gap-timeout=2s";

    static OrdoNode a;
    static OrdoNode b;
    static JdbcTemplate sql;
    static SegmentClaims claims;

    @BeforeAll
    static void startTwoInstances() {
        String database = postgres.newDatabase();
        sql = postgres.jdbc(database);
        claims = new SegmentClaims(sql);
        // the refused concurrent commands of @Order(4) leave rolled-back global indexes; the ledger seals them as gaps
        // after this long, not Axon's minute, so that @Order(5) need not wait that long
        a = OrdoNode.start("node-a", database, SegmentClaims.instance("node-a", GAP_TIMEOUT));
        b = OrdoNode.start("node-b", database, SegmentClaims.instance("node-b", GAP_TIMEOUT));
        claims.awaitEveryProcessorHeldAs(Map.of("node-a", 2, "node-b", 2), REBALANCE);
        Products.ensureStandardProducts(a.http());
    }

    @AfterAll
    static void stopInstances() {
        for (OrdoNode node : new OrdoNode[] {a, b}) {
            if (node != null && node.isRunning()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoThousandOrdersPlacedAlternatelyThroughBothInstancesAreEachProjectedExactlyOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                OrdoNode node = i % 2 == 0 ? a : b;
                PlaceOrder order = placeOrder("bulk-" + i, "bulk-customer-" + i % 10, 1 + i % 5, price(i));
                sent.add(clients.submit(() -> node.bean(CommandGateway.class).sendAndWait(order)));
            }
            for (Future<?> command : sent) {
                command.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        ReadModelAudit audit = new ReadModelAudit(sql, "bulk-");
        assertThat(audit.placedInEventStore()).hasSize(2000);
        audit.awaitProjectionsMatchEventStore();
        assertThat(claims.owners().get("orders")).containsOnlyKeys("node-a", "node-b");
    }

    /**
     * One instance appends an event in a transaction that stays open while the other instance commits a later one. The
     * late event holds the lower global index, so the processors first see a gap there, move past it, and must still
     * pick the event up when its transaction commits.
     */
    @Test
    @Order(2)
    void anEventCommittedLateBehindALaterOneStillReachesTheProjections() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(a.bean(PlatformTransactionManager.class));
        PlaceOrder late = placeOrder("gap-late", "gap-customer", 1, new BigDecimal("7.00"));
        CompletableFuture<Void> slowTransaction =
                CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                    a.bean(EventStore.class)
                            .publish(new GenericDomainEventMessage<>("Order", late.orderId(), 0, placed(late)));
                    appended.countDown();
                    awaitLatch(commit);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        b.bean(CommandGateway.class).sendAndWait(placeOrder("gap-early", "gap-customer", 1, new BigDecimal("3.00")));
        awaitSummary("gap-early");
        assertThat(summaryExists("gap-late")).isFalse();

        commit.countDown();
        slowTransaction.get(30, TimeUnit.SECONDS);
        assertThat(globalIndex("gap-late")).isLessThan(globalIndex("gap-early"));
        new ReadModelAudit(sql, "gap-").awaitProjectionsMatchEventStore();
    }

    /**
     * A client may write through one instance and read through another, and the order's segment may be processed by
     * either: asking for the version it was answered still returns that version or newer.
     */
    @Test
    @Order(3)
    void readsItsOwnWritesWhicheverInstanceItAsks() {
        for (int i = 0; i < 6; i++) {
            String orderId = "ryw-" + i;
            HttpJson writer = i % 2 == 0 ? a.http() : b.http();
            HttpJson reader = i % 2 == 0 ? b.http() : a.http();
            assertThat(writer.post("/api/orders", Orders.placeOrder(orderId, "ryw-customer"))
                            .status())
                    .isEqualTo(201);
            Response placed = reader.get("/api/orders/" + orderId + "?minVersion=0");
            assertThat(placed.status()).as(placed.toString()).isEqualTo(200);

            Response confirmed = reader.post("/api/orders/" + orderId + "/confirm", null);
            assertThat(confirmed.json().get("version").asLong()).isEqualTo(1);
            Response read = writer.get("/api/orders/" + orderId + "?minVersion=1");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("status").asText()).isEqualTo("CONFIRMED");
        }
    }

    /**
     * Both instances take commands for the same order at the same moment. Each loads the order, decides and appends
     * the next sequence number; when both append the same one, the database's unique key on (aggregate, sequence)
     * refuses the second. That command is retried on the fresh state or answered 409; it is never lost, never
     * applied twice.
     */
    @Test
    @Order(4)
    void commandsForOneOrderFromBothInstancesAtOnceAreEachAppliedOnceOrRefused() throws Exception {
        String orderId = "contended-1";
        for (String prefix : List.of("a", "b")) {
            for (int i = 0; i < 20; i++) {
                String productId = "sku-" + prefix + "-" + i;
                Products.ensureRegistered(a.http(), productId, "Product " + productId, "2.50", 1_000);
            }
        }
        assertThat(a.http()
                        .post("/api/orders", Orders.placeOrder(orderId, "contended-customer"))
                        .status())
                .isEqualTo(201);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Response>> fromA = clients.submit(() -> addLines(a, orderId, "a", start));
            Future<Map<String, Response>> fromB = clients.submit(() -> addLines(b, orderId, "b", start));
            Map<String, Response> answers = new TreeMap<>(fromA.get(2, TimeUnit.MINUTES));
            answers.putAll(fromB.get(2, TimeUnit.MINUTES));

            assertThat(answers.values())
                    .extracting(Response::status)
                    .allMatch(status -> status == 200 || status == 409);
            List<String> accepted = answers.entrySet().stream()
                    .filter(answer -> answer.getValue().status() == 200)
                    .map(Map.Entry::getKey)
                    .toList();
            List<Long> sequenceNumbers = sql.queryForList(
                    "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                            + " order by sequence_number",
                    Long.class,
                    orderId);
            assertThat(sequenceNumbers)
                    .as("one event per accepted command after OrderPlaced, numbered without gaps")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(0, accepted.size()).boxed().toList());
            assertThat(answers.values().stream()
                            .filter(answer -> answer.status() == 200)
                            .map(answer -> answer.json().get("version").asLong()))
                    .as("each accepted command answered its own version")
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, accepted.size()).boxed().toList());
            JsonNode order = a.http()
                    .get("/api/orders/" + orderId + "?minVersion=" + accepted.size())
                    .json();
            assertThat(order.get("version").asLong()).isEqualTo(accepted.size());
            assertThat(order.get("lines"))
                    .extracting(line -> line.get("productId").asText())
                    .containsExactlyInAnyOrderElementsOf(concat(List.of("sku-1", "sku-2"), accepted));
        } finally {
            clients.shutdownNow();
        }
    }

    private static Map<String, Response> addLines(OrdoNode node, String orderId, String prefix, CyclicBarrier start)
            throws Exception {
        HttpJson http = node.http();
        start.await(30, TimeUnit.SECONDS);
        Map<String, Response> answers = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            String productId = "sku-" + prefix + "-" + i;
            answers.put(productId, http.post("/api/orders/" + orderId + "/lines", Orders.line(productId, 1, "2.50")));
        }
        return answers;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** A stopped instance gives its segments up as it stops, so the other takes them without waiting for a timeout. */
    /**
     * Both instances run a sealer on the one ledger: each seal transaction locks its state row (SKIP LOCKED), so every
     * event, those committed late behind later ones (@Order(2)) and across instances included, is sealed exactly once,
     * in global order, and the whole ledger verifies.
     */
    @Test
    @Order(5)
    void everyEventIsSealedOnceInGlobalOrderByWhicheverInstanceHoldsTheLedgerAndTheLedgerVerifies() {
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(sql.queryForObject(
                                "select count(*) from ledger_entry where event_identifier is not null", Long.class))
                        .isEqualTo(sql.queryForObject("select count(*) from domain_event_entry", Long.class)));
        assertThat(sql.queryForList("select global_index from ledger_entry order by ledger_index", Long.class))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(sql.queryForObject("select count(distinct event_identifier) from ledger_entry", Long.class))
                .isEqualTo(sql.queryForObject("select count(*) from domain_event_entry", Long.class));

        VerificationJobs verifications = b.bean(VerificationJobs.class);
        String job = verifications.start().id();
        VerificationJob result = await().atMost(Duration.ofMinutes(1))
                .until(() -> verifications.find(job).orElseThrow(), j -> j.state() != VerificationJob.State.RUNNING);
        assertThat(result.state()).as(result.toString()).isEqualTo(VerificationJob.State.PASSED);
    }

    @Test
    @Order(99)
    void aStoppedInstanceReleasesItsSegmentsAndTheOtherTakesThemOver() {
        b.close();

        assertThat(sql.queryForObject("select count(*) from token_entry where owner = 'node-b'", Integer.class))
                .isZero();
        claims.awaitEveryProcessorHeldAs(Map.of("node-a", 4), REBALANCE);

        a.bean(CommandGateway.class).sendAndWait(placeOrder("alone-1", "alone-customer", 2, new BigDecimal("5.00")));
        new ReadModelAudit(sql, "alone-").awaitProjectionsMatchEventStore();
    }

    private static void awaitSummary(String orderId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> summaryExists(orderId));
    }

    private static boolean summaryExists(String orderId) {
        return sql.queryForObject("select count(*) from order_summary where order_id = ?", Integer.class, orderId) == 1;
    }

    private static long globalIndex(String orderId) {
        return sql.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ?", Long.class, orderId);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(100 + (i % 97) * 7L, 2);
    }

    private static PlaceOrder placeOrder(String orderId, String customerId, int quantity, BigDecimal unitPrice) {
        return new PlaceOrder(
                orderId,
                customerId,
                "EUR",
                List.of(new OrderLine("sku-1", "Mug", quantity, unitPrice)),
                new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE"));
    }

    private static OrderPlaced placed(PlaceOrder order) {
        OrderLine line = order.lines().get(0);
        return new OrderPlaced(
                order.orderId(),
                order.customerId(),
                order.currency(),
                order.lines(),
                order.shippingAddress(),
                line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
    }
}
