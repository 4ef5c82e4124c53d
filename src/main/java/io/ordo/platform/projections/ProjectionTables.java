package io.ordo.platform.projections;

import java.util.List;

/**
 * The tables one processing group writes, as a feature declares them for audits: each with its primary key and the
 * column that names the aggregate (an order, a product) its rows belong to. An audit rebuilds them from the events into
 * {@link ShadowTables} and compares; the columns compared are read from the live table, so a new column is compared
 * without a change here.
 */
public record ProjectionTables(String processingGroup, List<Table> tables) {

    public ProjectionTables {
        tables = List.copyOf(tables);
    }

    /**
     * @param name the live table
     * @param key its primary key columns
     * @param owner the column holding the identifier of the aggregate a row mirrors, which is also its events'
     *     aggregate identifier
     */
    public record Table(String name, List<String> key, String owner) {

        public Table {
            key = List.copyOf(key);
        }
    }
}
