package io.ordo.inventory.query;

import io.ordo.platform.projections.RowTable;
import io.ordo.platform.projections.VersionedRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code product_summary} as the projection writes it; {@link ProductSummary} reads it. */
final class ProductRow extends VersionedRow {

    private final String productId;
    private final String name;
    private BigDecimal unitPrice;
    private final String currency;
    private int available;
    private int reserved;
    private int committed;
    private boolean discontinued;

    ProductRow(
            String productId,
            String name,
            BigDecimal unitPrice,
            String currency,
            int available,
            Instant registeredAt,
            long version) {
        super(version, registeredAt);
        this.productId = productId;
        this.name = name;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.available = available;
    }

    static RowTable<ProductRow> table(JdbcTemplate jdbc) {
        return new RowTable<>(
                jdbc,
                "product_summary",
                List.of(
                        "product_id",
                        "name",
                        "unit_price",
                        "currency",
                        "available",
                        "reserved",
                        "committed",
                        "discontinued",
                        "updated_at",
                        "version"),
                ProductRow::read,
                row -> new Object[] {
                    row.productId,
                    row.name,
                    row.unitPrice,
                    row.currency,
                    row.available,
                    row.reserved,
                    row.committed,
                    row.discontinued,
                    row.updatedAt(),
                    row.version()
                });
    }

    private static ProductRow read(ResultSet row, int number) throws SQLException {
        ProductRow product = new ProductRow(
                row.getString("product_id"),
                row.getString("name"),
                row.getBigDecimal("unit_price"),
                row.getString("currency"),
                row.getInt("available"),
                RowTable.instant(row, "updated_at"),
                row.getLong("version"));
        product.reserved = row.getInt("reserved");
        product.committed = row.getInt("committed");
        product.discontinued = row.getBoolean("discontinued");
        return product;
    }

    void priceChanged(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    void discontinued() {
        this.discontinued = true;
    }

    void stockChanged(int available, int reserved) {
        this.available = available;
        this.reserved = reserved;
    }

    void availableChanged(int available) {
        this.available = available;
    }

    void shipped(int reserved, int committed) {
        this.reserved = reserved;
        this.committed = committed;
    }
}
