package io.ordo.analytics.query;

import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code analytics_order_line}: one product of an order; a removed line stays with quantity 0. */
final class LineFigures extends VersionedRow {

    /** Joins the two ids into the row's key; no id holds it (ids are letters, digits and {@code ._:-}). */
    private static final char SEPARATOR = '\u001f';

    private final String orderId;
    private final String productId;
    private String productName;
    private int quantity;
    private BigDecimal unitPrice;

    LineFigures(
            String orderId,
            String productId,
            String productName,
            int quantity,
            BigDecimal unitPrice,
            Instant at,
            long version) {
        super(version, at);
        this.orderId = orderId;
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    static String key(String orderId, String productId) {
        return orderId + SEPARATOR + productId;
    }

    static RowTable<LineFigures> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "analytics_order_line",
                List.of(
                        "line_key",
                        "order_id",
                        "product_id",
                        "product_name",
                        "quantity",
                        "unit_price",
                        "updated_at",
                        "version"),
                LineFigures::read,
                row -> new Object[] {
                    key(row.orderId, row.productId),
                    row.orderId,
                    row.productId,
                    row.productName,
                    row.quantity,
                    row.unitPrice,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static LineFigures read(ResultSet row, int number) throws SQLException {
        return new LineFigures(
                row.getString("order_id"),
                row.getString("product_id"),
                row.getString("product_name"),
                row.getInt("quantity"),
                row.getBigDecimal("unit_price"),
                RowTable.instant(row, "updated_at"),
                row.getLong("version"));
    }

    String productId() {
        return productId;
    }

    String productName() {
        return productName;
    }

    int quantity() {
        return quantity;
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }

    void quantityChanged(int quantity) {
        this.quantity = quantity;
    }

    /** A line removed earlier and added again: it takes the new line's name and price. */
    void addedAgain(String productName, int quantity, BigDecimal unitPrice) {
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }
}
