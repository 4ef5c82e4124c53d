package io.ordo.analytics.query;

import io.ordo.platform.projections.PendingWrites;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The increments a processor batch makes to the bucket tables, summed in memory and written once when its unit of
 * work commits, in the same transaction as the rows they were derived from (so a batch that rolls back adds nothing,
 * and one delivered again finds its rows' versions and adds nothing either). Keys are written in a fixed order, so
 * two transactions never wait for each other's rows crosswise. Outside a unit of work (a test calling a handler)
 * each change is written at once.
 */
final class BucketDeltas {

    private static final String RESOURCE = BucketDeltas.class.getName();

    private final JdbcTemplate jdbc;
    private final Map<BucketTable, String> upserts = new HashMap<>();

    BucketDeltas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code counters} (Long or BigDecimal, in the table's order) to the row of {@code keys}. */
    void add(BucketTable table, List<Object> keys, Object[] labels, Number[] counters) {
        Batch batch = batch();
        batch.add(table, keys, labels, counters);
        if (batch.alone) {
            batch.write();
        }
    }

    /** Remembers that this batch touched a line of an order (not yet stored: the rows are written at commit). */
    void lineTouched(String orderId, String productId) {
        batch().lines.computeIfAbsent(orderId, id -> new HashSet<>()).add(productId);
    }

    Set<String> linesTouched(String orderId) {
        return batch().lines.getOrDefault(orderId, Set.of());
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch existing = root.getResource(RESOURCE);
        if (existing != null) {
            return existing;
        }
        Batch batch = new Batch(false);
        root.resources().put(RESOURCE, batch);
        root.onPrepareCommit(unitOfWork -> batch.write());
        PendingWrites.register(root, batch);
        return batch;
    }

    private String upsert(BucketTable table) {
        return upserts.computeIfAbsent(table, known -> known.upsert(jdbc));
    }

    private final class Batch implements PendingWrites.Writer {

        private final boolean alone;
        private final Map<BucketTable, TreeMap<String, Row>> rows = new LinkedHashMap<>();
        private final Map<String, Set<String>> lines = new HashMap<>();

        private Batch(boolean alone) {
            this.alone = alone;
        }

        void add(BucketTable table, List<Object> keys, Object[] labels, Number[] counters) {
            rows.computeIfAbsent(table, known -> new TreeMap<>())
                    .computeIfAbsent(keys.toString(), key -> new Row(keys, table.counterCount()))
                    .add(labels, counters);
        }

        @Override
        public void write() {
            rows.forEach((table, byKey) -> {
                List<Object[]> parameters = new ArrayList<>();
                byKey.values().stream().filter(Row::changes).forEach(row -> parameters.add(row.parameters()));
                if (!parameters.isEmpty()) {
                    jdbc.batchUpdate(upsert(table), parameters);
                }
            });
            rows.clear();
        }

        @Override
        public void discard() {
            rows.clear();
            lines.clear();
        }
    }

    /** One bucket row's increments. */
    private static final class Row {

        private final List<Object> keys;
        private final Number[] counters;
        private Object[] labels = new Object[0];

        Row(List<Object> keys, int counterCount) {
            this.keys = keys;
            this.counters = new Number[counterCount];
            Arrays.fill(counters, 0L);
        }

        void add(Object[] newLabels, Number[] more) {
            labels = newLabels;
            for (int i = 0; i < counters.length; i++) {
                counters[i] = sum(counters[i], more[i]);
            }
        }

        /** Increments that cancel out (an order's total changed back, a step undone by nothing) are not written. */
        boolean changes() {
            return Arrays.stream(counters)
                    .anyMatch(value ->
                            value instanceof BigDecimal decimal ? decimal.signum() != 0 : value.longValue() != 0);
        }

        Object[] parameters() {
            List<Object> values = new ArrayList<>(keys);
            values.addAll(Arrays.asList(labels));
            values.addAll(Arrays.asList(counters));
            return values.toArray();
        }

        private static Number sum(Number a, Number b) {
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                return decimal(a).add(decimal(b));
            }
            return a.longValue() + b.longValue();
        }

        private static BigDecimal decimal(Number value) {
            return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(value.longValue());
        }
    }
}
