package io.ordo.operations.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row where the live table and its rebuild from the events disagree.
 *
 * @param table the live table
 * @param owner the aggregate the row belongs to: an order's or a product's id
 * @param key the row's primary key, column by column
 * @param kind whether the live row is missing, extra, or has other values
 * @param columns the columns whose values differ (only for {@link Kind#DIFFERENT})
 */
public record Difference(String table, String owner, Map<String, String> key, Kind kind, List<String> columns) {

    public Difference {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key)); // in the key's column order
        columns = List.copyOf(columns);
    }

    public enum Kind {
        /** The events make the row, the live table lacks it. */
        MISSING_IN_LIVE,
        /** The live table holds a row that no event makes. */
        EXTRA_IN_LIVE,
        /** Both hold the row, with other values in {@code columns}. */
        DIFFERENT
    }
}
