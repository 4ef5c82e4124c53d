package io.ordo.operations.audit;

import io.ordo.operations.audit.Difference.Kind;
import io.ordo.platform.projections.ProjectionTables.Table;
import io.ordo.platform.projections.ShadowTables;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Compares a live table with its shadow in the database, in two queries over the primary key: live rows left-joined to
 * the shadow (extra in live, or other values, with a flag per column) and shadow rows the live table lacks. Every
 * column of the live table is compared, {@code version} and {@code updated_at} too: the events make each of them.
 */
final class TableComparison {

    private final JdbcTemplate jdbc;
    private final Table table;
    private final List<String> compared;

    TableComparison(JdbcTemplate jdbc, Table table) {
        this.jdbc = jdbc;
        this.table = table;
        List<String> columns =
                jdbc.query("select * from " + table.name() + " where 1 = 0", (ResultSetExtractor<List<String>>)
                        TableComparison::columns);
        this.compared =
                columns.stream().filter(column -> !table.key().contains(column)).toList();
    }

    /**
     * Counts the differences of the rows whose owner passes {@code owners}, and adds the first {@code hold} of them
     * (by owner and key) to {@code found}; answers the count.
     */
    long compare(Predicate<String> owners, int hold, List<Difference> found) {
        long[] count = {0};
        String live = table.name();
        String shadow = ShadowTables.shadowOf(live);
        String sameKey =
                table.key().stream().map(key -> "l." + key + " = s." + key).collect(Collectors.joining(" and "));
        // by owner, then key: the owner first, the key columns after it
        String order = " order by 1"
                + java.util.stream.IntStream.rangeClosed(2, table.key().size() + 1)
                        .mapToObj(position -> ", " + position)
                        .collect(Collectors.joining());
        String flags = compared.stream()
                .map(column -> ", case when l." + column + " is distinct from s." + column + " then 1 else 0 end")
                .collect(Collectors.joining());
        String anyDiffers = compared.stream()
                .map(column -> " or l." + column + " is distinct from s." + column)
                .collect(Collectors.joining());
        String firstKey = table.key().get(0);
        jdbc.query(
                "select l." + table.owner() + keysOf("l") + ", case when s." + firstKey
                        + " is null then 1 else 0 end" + flags + " from " + live + " l left join " + shadow + " s on "
                        + sameKey + " where s." + firstKey + " is null" + anyDiffers + order,
                (RowCallbackHandler) row -> {
                    Kind kind = row.getInt(table.key().size() + 2) == 1 ? Kind.EXTRA_IN_LIVE : Kind.DIFFERENT;
                    take(row, kind, owners, hold, found, count);
                });
        jdbc.query(
                "select s." + table.owner() + keysOf("s") + " from " + shadow + " s where not exists"
                        + " (select 1 from " + live + " l where " + sameKey + ")" + order,
                (RowCallbackHandler) row -> take(row, Kind.MISSING_IN_LIVE, owners, hold, found, count));
        return count[0];
    }

    /** The key columns of one side, each after a comma. */
    private String keysOf(String alias) {
        return table.key().stream().map(key -> ", " + alias + "." + key).collect(Collectors.joining());
    }

    private void take(
            ResultSet row, Kind kind, Predicate<String> owners, int hold, List<Difference> found, long[] count)
            throws SQLException {
        String owner = row.getString(1);
        if (!owners.test(owner)) {
            return;
        }
        count[0]++;
        if (found.size() >= hold) {
            return;
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < table.key().size(); i++) {
            key.put(table.key().get(i), row.getString(i + 2));
        }
        List<String> columns = new ArrayList<>();
        if (kind == Kind.DIFFERENT) {
            int first = table.key().size() + 3;
            for (int i = 0; i < compared.size(); i++) {
                if (row.getInt(first + i) == 1) {
                    columns.add(compared.get(i));
                }
            }
        }
        found.add(new Difference(table.name(), owner, key, kind, columns));
    }

    private static List<String> columns(ResultSet empty) throws SQLException {
        ResultSetMetaData metaData = empty.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(metaData.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        return columns;
    }
}
