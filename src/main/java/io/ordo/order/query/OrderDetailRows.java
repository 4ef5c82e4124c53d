package io.ordo.order.query;

import io.ordo.platform.projections.RowStore;
import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.ShadowTables;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Order details with their lines: a detail's lines are read with it and replaced when an event changed them. */
final class OrderDetailRows implements RowStore<OrderDetailRow> {

    static final String LINES = "order_detail_line";

    // %s: the lines' table, live or an audit's shadow (ShadowTables)
    private static final String SELECT_LINES =
            "select product_id, product_name, quantity, unit_price from %s where order_id = ? order by position";
    private static final String DELETE_LINES = "delete from %s where order_id = ?";
    private static final String INSERT_LINE = "insert into %s"
            + " (order_id, position, product_id, product_name, quantity, unit_price) values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final RowTable<OrderDetailRow> details;

    OrderDetailRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.details = OrderDetailRow.table(jdbc);
    }

    @Override
    public String table() {
        return details.table();
    }

    @Override
    public Optional<OrderDetailRow> find(String orderId) {
        return details.find(orderId).map(detail -> {
            detail.linesStored(jdbc.query(
                    lines(SELECT_LINES),
                    (line, number) -> new OrderDetailLine(
                            line.getString("product_id"),
                            line.getString("product_name"),
                            line.getInt("quantity"),
                            line.getBigDecimal("unit_price")),
                    orderId));
            return detail;
        });
    }

    @Override
    public void insert(List<OrderDetailRow> rows) {
        details.insert(rows);
        insertLines(rows);
    }

    @Override
    public void update(List<OrderDetailRow> rows) {
        details.update(rows);
        List<OrderDetailRow> withNewLines =
                rows.stream().filter(OrderDetailRow::linesChanged).toList();
        details.write(
                lines(DELETE_LINES),
                withNewLines.stream().map(row -> new Object[] {row.orderId()}).toList());
        insertLines(withNewLines);
    }

    private void insertLines(List<OrderDetailRow> rows) {
        details.write(
                lines(INSERT_LINE),
                rows.stream().flatMap(OrderDetailRows::lineValues).toList());
        rows.forEach(row -> row.linesStored(row.lines()));
    }

    private static String lines(String statement) {
        return statement.formatted(ShadowTables.current(LINES));
    }

    /** The values of an order's lines, numbered by their position. */
    private static Stream<Object[]> lineValues(OrderDetailRow row) {
        List<OrderDetailLine> lines = row.lines();
        return IntStream.range(0, lines.size()).mapToObj(position -> {
            OrderDetailLine line = lines.get(position);
            return new Object[] {
                row.orderId(), position, line.productId(), line.productName(), line.quantity(), line.unitPrice()
            };
        });
    }
}
