package io.ordo.operations.audit;

import io.ordo.platform.projections.ProjectionTables;
import io.ordo.platform.projections.ProjectionTables.Table;
import io.ordo.platform.projections.ShadowTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shadow tables of one projection: made empty at the start of an audit in the shape the live tables have then
 * ({@code create table ... as select ... where 1 = 0}, which H2 and PostgreSQL both take, with the live primary key so
 * the projection finds its rows by id as fast), and dropped when it ends. Made from the live tables rather than by a
 * migration, so they can never drift from them.
 */
final class ShadowSchema {

    private final JdbcTemplate jdbc;
    private final ProjectionTables projection;

    ShadowSchema(JdbcTemplate jdbc, ProjectionTables projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    void create() {
        drop();
        for (Table table : projection.tables()) {
            String shadow = ShadowTables.shadowOf(table.name());
            jdbc.execute("create table " + shadow + " as select * from " + table.name() + " where 1 = 0");
            // H2 keeps no constraint of the columns it copies, and a primary key takes only columns already not null
            table.key()
                    .forEach(key -> jdbc.execute("alter table " + shadow + " alter column " + key + " set not null"));
            jdbc.execute("alter table " + shadow + " add primary key (" + String.join(", ", table.key()) + ")");
        }
    }

    long rows() {
        return projection.tables().stream()
                .mapToLong(table ->
                        jdbc.queryForObject("select count(*) from " + ShadowTables.shadowOf(table.name()), Long.class))
                .sum();
    }

    void drop() {
        projection
                .tables()
                .forEach(table -> jdbc.execute("drop table if exists " + ShadowTables.shadowOf(table.name())));
    }
}
