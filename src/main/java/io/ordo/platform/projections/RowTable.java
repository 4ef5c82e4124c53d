package io.ordo.platform.projections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The rows of one table with a single-column primary key, read and written with plain JDBC: a select by id, and
 * inserts and updates of every column sent as one JDBC batch. Instants are written as UTC timestamps and enums by
 * name, so a row's values can be its fields as they are. In a unit of work an audit marked, the same statements go to
 * the table's shadow ({@link ShadowTables}).
 */
public final class RowTable<R> implements RowStore<R> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final RowMapper<R> reader;
    private final Function<R, Object[]> values;
    private final Statements live;
    private final Statements shadow;

    /**
     * @param columns the table's columns, its primary key first
     * @param values a row's values in the order of {@code columns}
     */
    public RowTable(
            JdbcTemplate jdbc, String table, List<String> columns, RowMapper<R> reader, Function<R, Object[]> values) {
        this.jdbc = jdbc;
        this.table = table;
        this.reader = reader;
        this.values = values;
        this.live = new Statements(table, columns);
        this.shadow = new Statements(ShadowTables.shadowOf(table), columns);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public Optional<R> find(String id) {
        return jdbc.query(statements().select, reader, id).stream().findFirst();
    }

    @Override
    public void insert(List<R> rows) {
        write(statements().insert, rows.stream().map(this::parameters).toList());
    }

    @Override
    public void update(List<R> rows) {
        // the same values with the primary key moved from first to last
        write(
                statements().update,
                rows.stream().map(this::parameters).map(RowTable::idLast).toList());
    }

    /** Runs one statement per row of parameters: alone when there is one (the usual case outside a batch), else as a JDBC batch. */
    public void write(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** A timestamp column as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Values as JDBC takes them from every driver: instants as timestamps with their offset, enums by name. */
    public static Object[] jdbcValues(Object... values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Instant instant) {
                converted[i] = instant.atOffset(ZoneOffset.UTC);
            } else if (value instanceof Enum<?> constant) {
                converted[i] = constant.name();
            } else {
                converted[i] = value;
            }
        }
        return converted;
    }

    private Statements statements() {
        return ShadowTables.active() ? shadow : live;
    }

    private Object[] parameters(R row) {
        return jdbcValues(values.apply(row));
    }

    private static Object[] idLast(Object[] values) {
        Object[] moved = Arrays.copyOfRange(values, 1, values.length + 1);
        moved[values.length - 1] = values[0];
        return moved;
    }

    /** The three statements on one table, its primary key first in {@code columns}. */
    private record Statements(String select, String insert, String update) {

        Statements(String table, List<String> columns) {
            this(
                    "select " + String.join(", ", columns) + " from " + table + " where " + columns.get(0) + " = ?",
                    "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                            + String.join(
                                    ", ", columns.stream().map(column -> "?").toList()) + ")",
                    "update " + table + " set "
                            + String.join(
                                    ", ",
                                    columns.subList(1, columns.size()).stream()
                                            .map(column -> column + " = ?")
                                            .toList())
                            + " where " + columns.get(0) + " = ?");
        }
    }
}
