package io.ordo.platform.snapshots;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.PaymentProvider;
import io.ordo.support.Products;
import io.ordo.support.StorageSpy;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Snapshots on the real H2 store, with a threshold of 5 events. A spy on the storage engine records which events each
 * load of an aggregate reads, so the tests see what the repository really loads, not what it could load.
 */
@HttpTest
@TestPropertySource(
        properties = {
            "ordo.snapshots.threshold=" + SnapshotTest.THRESHOLD,
            // the tests are about what a load from the store reads; a cached aggregate is not loaded at all
            "ordo.aggregate-cache.enabled=false"
        })
// the only class with this configuration: closing its context stops its processors for the rest of the run
@DirtiesContext
class SnapshotTest {

    static final int THRESHOLD = 5;

    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void loadingAnOrderAfterItsSnapshotReadsOnlyTheEventsAfterIt() {
        String orderId = place();
        for (int quantity = 3; quantity <= 6; quantity++) {
            changeQuantity(orderId, "sku-1", quantity); // versions 1 to 4: the fifth event triggers a snapshot
        }
        awaitSnapshotAt(orderId, 4);
        changeQuantity(orderId, "sku-1", 7);
        changeQuantity(orderId, "sku-1", 8);

        StorageSpy.READS.clear();
        assertVersion(http.patch(lines(orderId, "sku-1"), "{\"quantity\":9}"), 7);

        // the command's load: the snapshot at 4, then only events 5 and 6
        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(orderId))
                .singleElement()
                .satisfies(read -> {
                    assertThat(read.firstSequenceNumber()).isEqualTo(5);
                    assertThat(read.eventsRead().get()).isEqualTo(2);
                });
        // the line the snapshot carries is intact: setting it to its quantity again changes nothing
        assertVersion(http.patch(lines(orderId, "sku-2"), "{\"quantity\":1}"), 7);
        // time travel reads from the first event, whatever the snapshots
        JsonNode before =
                http.get("/api/orders/" + orderId + "/history?version=2").json();
        assertThat(before.at("/lines/0/quantity").asInt()).isEqualTo(4);
        assertThat(StorageSpy.SNAPSHOT_THREADS)
                .isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith(SnapshotExecutor.THREAD_PREFIX));
        Map<String, Object> stored = jdbc.queryForMap(
                "select payload_type, payload_revision from snapshot_event_entry where aggregate_identifier = ?",
                orderId);
        assertThat(stored).containsEntry("PAYLOAD_TYPE", "io.ordo.order.command.Order");
        assertThat(stored).containsEntry("PAYLOAD_REVISION", "3");
    }

    @Test
    void aShippedOrdersSnapshotKeepsItsPaymentAndShipment() {
        String orderId = place();
        assertVersion(http.post("/api/orders/" + orderId + "/confirm", null), 1);
        await().atMost(SNAPSHOT_WAIT)
                .until(
                        () -> http.get("/api/orders/" + orderId)
                                .json()
                                .path("paymentStatus")
                                .asText(),
                        "REQUESTED"::equals);
        // the saga schedules the payment deadline when it handles PaymentRequested, which the orders projection may
        // have shown first: every field is stored (none is null) only after that
        await().atMost(SNAPSHOT_WAIT).until(() -> sagaPayload(orderId).has("paymentDeadlineId"));
        assertStoredAsItsFields(sagaPayload(orderId), "io.ordo.fulfilment.OrderFulfilmentSaga");
        assertVersion(
                PaymentProvider.deliver(
                        http, orderId, "{\"providerReference\":\"psp-7\",\"outcome\":\"AUTHORIZED\",\"amount\":23.25}"),
                3);
        String shipment = "{\"carrier\":\"bpost\",\"trackingNumber\":\"BP-1\"}";
        assertVersion(http.post("/api/orders/" + orderId + "/ship", shipment), 4);
        awaitSnapshotAt(orderId, 4);

        JsonNode state = snapshotPayload(orderId);
        assertStoredAsItsFields(state, "io.ordo.order.command.Order");
        // the payment, a member of the order, is stored as its fields too: no computed isSettled() beside them
        assertStoredAsItsFields(state.get("payment"), "io.ordo.order.command.OrderPayment");
        assertThat(state.at("/status").asText()).isEqualTo("SHIPPED");
        assertThat(state.at("/shipment/trackingNumber").asText()).isEqualTo("BP-1");
        assertThat(state.at("/payment/reference").asText()).isEqualTo("psp-7");
        assertThat(state.at("/payment/requested").decimalValue()).isEqualByComparingTo("23.25");
        // loaded from the snapshot: the same shipment again is recognised as done, another one is refused
        assertVersion(http.post("/api/orders/" + orderId + "/ship", shipment), 4);
        assertThat(http.post("/api/orders/" + orderId + "/ship", shipment.replace("BP-1", "BP-2"))
                        .status())
                .isEqualTo(409);
        assertVersion(http.post("/api/orders/" + orderId + "/deliver", null), 5);
    }

    @Test
    void aSnapshotOfAnOlderRevisionIsIgnoredAndTheOrderLoadsFromItsEvents() {
        String orderId = place();
        changeQuantity(orderId, "sku-1", 3);
        changeQuantity(orderId, "sku-1", 4);
        // as an older Order class might have stored it: fewer fields, and a state the events never reached
        storeSnapshot(orderId, "0", "{\"orderId\":\"" + orderId + "\",\"status\":\"CANCELLED\"}");

        StorageSpy.READS.clear();
        assertVersion(http.patch(lines(orderId, "sku-1"), "{\"quantity\":5}"), 3);

        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(orderId))
                .singleElement()
                .satisfies(read -> {
                    assertThat(read.firstSequenceNumber()).isZero();
                    assertThat(read.eventsRead().get()).isEqualTo(3);
                });
        assertVersion(http.patch(lines(orderId, "sku-2"), "{\"quantity\":1}"), 3);
    }

    @Test
    void aSnapshotFromBeforeThePaymentWasAMemberOfTheOrderIsIgnoredAndTheOrderStillTakesCommands() {
        String orderId = place();
        changeQuantity(orderId, "sku-1", 3);
        changeQuantity(orderId, "sku-1", 4);
        // revision 2 stored the payment as a value; its state here is one the events never reached
        storeSnapshot(orderId, "2", """
                {"orderId":"%s","salesChannel":"web","status":"CANCELLED",
                 "lines":{"currency":"EUR","byProduct":{}},"shipment":null,
                 "payment":{"requested":null,"reference":null,"outcome":null,"status":null},
                 "confirmedBeforeFulfilment":false}""".formatted(orderId));

        StorageSpy.READS.clear();
        assertVersion(http.patch(lines(orderId, "sku-1"), "{\"quantity\":5}"), 3);

        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(orderId))
                .singleElement()
                .satisfies(read -> assertThat(read.firstSequenceNumber()).isZero());
        assertVersion(http.post("/api/orders/" + orderId + "/confirm", null), 4);
    }

    @Test
    void aSnapshottedProductStillPricesOrdersAndKeepsItsWholeAuditTrail() {
        String productId = "sku-snap-" + UUID.randomUUID();
        Products.ensureRegistered(http, productId, "Snapshot Mug", "3.00", 100);
        for (int i = 1; i <= 4; i++) {
            assertVersion(http.post("/api/products/" + productId + "/restock", "{\"quantity\":1}"), i);
        }
        awaitSnapshotAt(productId, 4);
        assertStoredAsItsFields(snapshotPayload(productId), "io.ordo.inventory.command.Product");

        Response placed = http.post("/api/orders", """
                {"customerId":"customer-1","currency":"EUR","lines":[{"productId":"%s","quantity":2}],
                 "shippingAddress":{"name":"Ada","street":"1 Main St","postalCode":"1000","city":"Brussels",
                                    "country":"BE"}}
                """.formatted(productId));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

        JsonNode trail =
                http.get("/api/products/" + productId + "/events").json().get("events");
        assertThat(trail)
                .extracting(event -> event.get("type").asText())
                .containsExactly(
                        "ProductRegistered",
                        "ProductRestocked",
                        "ProductRestocked",
                        "ProductRestocked",
                        "ProductRestocked");
        StorageSpy.READS.clear();
        assertVersion(http.post("/api/products/" + productId + "/restock", "{\"quantity\":1}"), 5);
        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(productId))
                .singleElement()
                .satisfies(read -> assertThat(read.firstSequenceNumber()).isEqualTo(5));
        await().atMost(SNAPSHOT_WAIT)
                .until(
                        () -> http.get("/api/products/" + productId)
                                .json()
                                .path("available")
                                .asInt(),
                        units -> units == 105);
    }

    private String place() {
        String orderId = "order-" + UUID.randomUUID();
        Response placed = http.post("/api/orders", placeOrder(orderId, "customer-1"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return orderId;
    }

    private void changeQuantity(String orderId, String productId, int quantity) {
        Response response = http.patch(lines(orderId, productId), "{\"quantity\":" + quantity + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String lines(String orderId, String productId) {
        return "/api/orders/" + orderId + "/lines/" + productId;
    }

    /** A snapshot at sequence 2, as an earlier version of the Order class of that {@code revision} stored it. */
    private void storeSnapshot(String orderId, String revision, String payload) {
        jdbc.update(
                """
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, 2, 'Order', ?, ?, 'io.ordo.order.command.Order', ?, ?, ?)
                """,
                orderId,
                UUID.randomUUID().toString(),
                DateTimeUtils.formatInstant(Instant.now()),
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void awaitSnapshotAt(String aggregateId, long sequenceNumber) {
        await().atMost(SNAPSHOT_WAIT)
                .until(
                        () -> jdbc.queryForObject(
                                "select coalesce(max(sequence_number), -1) from snapshot_event_entry"
                                        + " where aggregate_identifier = ?",
                                Long.class,
                                aggregateId),
                        sequence -> sequence == sequenceNumber);
    }

    /**
     * Snapshots and saga entries are JSON of exactly the type's own fields, in declaration order, and nothing else (no
     * getter): the shape that rows written by earlier versions have, so they still load. Jackson learns this from the
     * platform's {@code StoredStateJson}, not from annotations on the aggregates and the saga.
     */
    private static void assertStoredAsItsFields(JsonNode stored, String typeName) {
        List<String> fields;
        try {
            fields = Arrays.stream(Class.forName(typeName).getDeclaredFields())
                    .filter(field -> !Modifier.isStatic(field.getModifiers()))
                    .map(Field::getName)
                    .toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        assertThat(stored.fieldNames()).toIterable().as(stored.toString()).containsExactlyElementsOf(fields);
    }

    private JsonNode sagaPayload(String orderId) {
        byte[] payload = jdbc.queryForObject(
                "select s.serialized_saga from saga_entry s join association_value_entry a on a.saga_id = s.saga_id"
                        + " where a.association_key = 'orderId' and a.association_value = ?",
                byte[].class,
                orderId);
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode snapshotPayload(String aggregateId) {
        byte[] payload = jdbc.queryForObject(
                "select payload from snapshot_event_entry where aggregate_identifier = ?", byte[].class, aggregateId);
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertVersion(Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong())
                .as(response.toString())
                .isEqualTo(version);
    }
}
