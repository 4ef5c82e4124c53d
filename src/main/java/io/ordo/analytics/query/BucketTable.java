package io.ordo.analytics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of pre-summed buckets: key columns, labels (taken from the latest write, such as a product's name) and
 * counters that a write adds to. Rows are upserted with increments in one JDBC batch: PostgreSQL's
 * {@code insert ... on conflict do update}, atomic against a concurrent insert of the same key, and H2's
 * {@code merge ... using}.
 */
final class BucketTable {

    /** A column and its SQL type, which H2 needs to type the parameters of a merge's {@code values}. */
    record Column(String name, String type) {}

    private final String name;
    private final List<Column> keys;
    private final List<Column> labels;
    private final List<Column> counters;

    BucketTable(String name, List<Column> keys, List<Column> labels, List<Column> counters) {
        this.name = name;
        this.keys = keys;
        this.labels = labels;
        this.counters = counters;
    }

    String name() {
        return name;
    }

    int keyCount() {
        return keys.size();
    }

    int labelCount() {
        return labels.size();
    }

    int counterCount() {
        return counters.size();
    }

    /** The statement that adds a row's counters to the stored ones, its parameters keys, labels, counters. */
    String upsert(JdbcTemplate jdbc) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres")));
        return postgres ? postgresUpsert() : h2Merge();
    }

    private String postgresUpsert() {
        List<String> sets = new ArrayList<>();
        labels.forEach(column -> sets.add(column.name() + " = excluded." + column.name()));
        counters.forEach(column -> sets.add(column.name() + " = b." + column.name() + " + excluded." + column.name()));
        return "insert into " + name + " as b (" + names(all()) + ") values ("
                + String.join(", ", all().map(column -> "?").toList()) + ") on conflict (" + names(keys.stream())
                + ") do update set " + String.join(", ", sets);
    }

    private String h2Merge() {
        List<String> sets = new ArrayList<>();
        labels.forEach(column -> sets.add(column.name() + " = s." + column.name()));
        counters.forEach(column -> sets.add(column.name() + " = b." + column.name() + " + s." + column.name()));
        return "merge into " + name + " b using (values ("
                + String.join(
                        ", ",
                        all().map(column -> "cast(? as " + column.type() + ")").toList())
                + ")) s(" + names(all()) + ") on ("
                + String.join(
                        " and ",
                        keys.stream()
                                .map(column -> "b." + column.name() + " = s." + column.name())
                                .toList())
                + ") when matched then update set " + String.join(", ", sets) + " when not matched then insert ("
                + names(all()) + ") values ("
                + String.join(", ", all().map(column -> "s." + column.name()).toList()) + ")";
    }

    private Stream<Column> all() {
        return Stream.of(keys, labels, counters).flatMap(List::stream);
    }

    private static String names(Stream<Column> columns) {
        return String.join(", ", columns.map(Column::name).toList());
    }
}
