package io.ordo.platform.storage;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.HttpJson;
import io.ordo.support.OrdoNode;
import io.ordo.support.Products;
import io.ordo.support.UnstorableOrders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code postgres} profile on a real PostgreSQL: Flyway builds the schema, Hibernate finds it matches the mappings,
 * and Axon's binary columns are {@code bytea}, so nothing ends up in {@code pg_largeobject}.
 */
class PostgresStorageIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static OrdoNode node;
    static JdbcTemplate sql;

    @BeforeAll
    static void startAndWriteSomething() {
        node = OrdoNode.start("single", postgres.newDatabase());
        sql = node.jdbc();
        Products.ensureStandardProducts(node.http());
        for (int i = 1; i <= 3; i++) {
            assertThat(node.http()
                            .post("/api/orders", placeOrder("order-" + i, "customer-1"))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(node.http().post("/api/orders/order-1/confirm", null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sql.queryForObject("select count(*) from customer_order", Long.class) == 3);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void storesEventsSnapshotsTokensSagasAndDeadLettersAsByteaNeverAsLargeObjects() {
        List<Map<String, Object>> binaryColumns = sql.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('bytea', 'oid')
                order by table_name, column_name
                """);

        assertThat(binaryColumns)
                .extracting(column ->
                        column.get("table_name") + "." + column.get("column_name") + " " + column.get("data_type"))
                .containsExactly(
                        "dead_letter_entry.diagnostics bytea",
                        "dead_letter_entry.meta_data bytea",
                        "dead_letter_entry.payload bytea",
                        "dead_letter_entry.token bytea",
                        "domain_event_entry.meta_data bytea",
                        "domain_event_entry.payload bytea",
                        "ledger_checkpoint.root_hash bytea",
                        "ledger_checkpoint.signature bytea",
                        "ledger_entry.meta_data_hash bytea",
                        "ledger_entry.payload_hash bytea",
                        "ledger_erasure.redacted_payload_hash bytea",
                        "ledger_erasure.signature bytea",
                        "ledger_node.hash bytea",
                        "saga_entry.serialized_saga bytea",
                        "scheduled_tasks.task_data bytea",
                        "snapshot_event_entry.meta_data bytea",
                        "snapshot_event_entry.payload bytea",
                        "token_entry.token bytea");
        assertThat(sql.queryForObject("select count(*) from token_entry where token is not null", Long.class))
                .isPositive();
        assertThat(sql.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
                .isZero();
    }

    @Test
    void keepsPayloadsReadableWithPlainSql() {
        String payload = sql.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = 'order-1' and sequence_number = 0",
                String.class);

        assertThat(payload).contains("\"customerId\":\"customer-1\"");
    }

    @Test
    void hasTheIndexesAxonsTuningGuideNames() {
        assertThat(indexes("domain_event_entry"))
                .contains(
                        "CREATE UNIQUE INDEX uk_domain_event_aggregate_sequence ON public.domain_event_entry"
                                + " USING btree (aggregate_identifier, sequence_number)",
                        "CREATE UNIQUE INDEX uk_domain_event_identifier ON public.domain_event_entry"
                                + " USING btree (event_identifier)");
        assertThat(indexes("snapshot_event_entry"))
                .contains("CREATE UNIQUE INDEX pk_snapshot_event_entry ON public.snapshot_event_entry"
                        + " USING btree (aggregate_identifier, sequence_number, type)");
        assertThat(indexes("association_value_entry"))
                .contains(
                        "CREATE INDEX ix_association_value_lookup ON public.association_value_entry"
                                + " USING btree (saga_type, association_key, association_value)",
                        "CREATE INDEX ix_association_value_saga ON public.association_value_entry"
                                + " USING btree (saga_id, saga_type)");
    }

    @Test
    void handsOutGlobalIndexesOneAtATime() {
        assertThat(sql.queryForObject(
                        "select increment_by from pg_sequences where sequencename = 'domain_event_global_index_seq'",
                        Long.class))
                .isEqualTo(1);
        List<Long> indexes =
                sql.queryForList("select global_index from domain_event_entry order by global_index", Long.class);
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(7);
        assertThat(indexes)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, indexes.size()).boxed().toList());
    }

    @Test
    void hasItsSchemaFromFlyway() {
        assertThat(sql.queryForList(
                        "select version from flyway_schema_history where success order by installed_rank",
                        String.class))
                .startsWith("1");
    }

    /**
     * PostgreSQL refuses every statement of a transaction after one failed, so an event that cannot be stored must be
     * parked without a failed statement in the transaction that commits the rest of its batch.
     */
    @Test
    void parksAnEventNoProjectionCanStoreAndGoesOn() {
        String poison = "unstorable-" + UUID.randomUUID();
        String healthy = UnstorableOrders.onTheSameSegmentAs(poison, 4);
        UnstorableOrders.place(node.bean(EventStore.class), poison);
        assertThat(node.http()
                        .post("/api/orders", placeOrder(healthy, "customer-2"))
                        .status())
                .isEqualTo(201);

        HttpJson admin = node.http().asAdmin();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String processor : List.of("orders", "customers")) {
                assertThat(admin.get("/api/admin/dead-letters/" + processor)
                                .json()
                                .get("parked"))
                        .extracting(sequence -> sequence.get("sequenceId").asText())
                        .containsExactly(poison);
            }
        });
        assertThat(node.http().get("/api/orders/" + healthy + "?minVersion=0").status())
                .isEqualTo(200);
        assertThat(admin.post("/api/admin/dead-letters/customers/retry", null)
                        .json()
                        .get("sequencesStillParked")
                        .asLong())
                .isEqualTo(1);
    }

    /** The shadow tables are made and compared on PostgreSQL too, and an order's row changed by SQL is named. */
    @Test
    void auditsEachProjectionAndNamesARowChangedBySql() {
        HttpJson admin = node.http().asAdmin();
        for (String projection : List.of("customers", "products", "orders")) {
            assertThat(differencesOfOurOrders(audit(admin, projection))).isEmpty();
        }
        sql.update("update order_summary set total = total + 100 where order_id = 'order-2'");
        try {
            assertThat(differencesOfOurOrders(audit(admin, "orders")))
                    .containsExactly("order_summary order-2 DIFFERENT [\"total\"]");
        } finally {
            sql.update("update order_summary set total = total - 100 where order_id = 'order-2'");
        }
        assertThat(sql.queryForObject(
                        "select count(*) from information_schema.tables where table_name like 'shadow%'", Long.class))
                .isZero();
    }

    private static JsonNode audit(HttpJson admin, String projection) {
        assertThat(admin.post("/api/admin/projections/" + projection + "/audit", null)
                        .status())
                .isEqualTo(202);
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            finished[0] =
                    admin.get("/api/admin/projections/" + projection + "/audit").json();
            assertThat(finished[0].get("status").asText()).isNotEqualTo("RUNNING");
        });
        assertThat(finished[0].get("status").asText())
                .as(finished[0].toString())
                .isEqualTo("COMPLETED");
        return finished[0];
    }

    private static List<String> differencesOfOurOrders(JsonNode audit) {
        List<String> found = new ArrayList<>();
        audit.get("differences").forEach(difference -> {
            if (difference.get("owner").asText().matches("order-[123]")) {
                found.add(difference.get("table").asText() + " "
                        + difference.get("owner").asText() + " "
                        + difference.get("kind").asText() + " " + difference.get("columns"));
            }
        });
        return found;
    }

    private static List<String> indexes(String table) {
        return sql.queryForList("select indexdef from pg_indexes where tablename = ?", String.class, table);
    }
}
