package io.ordo.analytics.query;

import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code analytics_stock}: a product's available and reserved units as its latest event says. */
final class StockFigures extends VersionedRow {

    private final String productId;
    private final String name;
    private int available;
    private int reserved;
    private boolean discontinued;

    StockFigures(String productId, String name, int available, Instant at, long version) {
        super(version, at);
        this.productId = productId;
        this.name = name;
        this.available = available;
    }

    static RowTable<StockFigures> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "analytics_stock",
                List.of("product_id", "name", "available", "reserved", "discontinued", "updated_at", "version"),
                StockFigures::read,
                row -> new Object[] {
                    row.productId,
                    row.name,
                    row.available,
                    row.reserved,
                    row.discontinued,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static StockFigures read(ResultSet row, int number) throws SQLException {
        StockFigures stock = new StockFigures(
                row.getString("product_id"),
                row.getString("name"),
                row.getInt("available"),
                RowTable.instant(row, "updated_at"),
                row.getLong("version"));
        stock.reserved = row.getInt("reserved");
        stock.discontinued = row.getBoolean("discontinued");
        return stock;
    }

    void stockChanged(int available, int reserved) {
        this.available = available;
        this.reserved = reserved;
    }

    void availableChanged(int available) {
        this.available = available;
    }

    void reservedChanged(int reserved) {
        this.reserved = reserved;
    }

    void discontinued() {
        this.discontinued = true;
    }
}
