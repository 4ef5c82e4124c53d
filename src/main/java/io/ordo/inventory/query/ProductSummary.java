package io.ordo.inventory.query;

import io.ordo.inventory.api.queries.ProductView;
import io.ordo.platform.projections.AggregateRow;
import io.ordo.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One row per product: name, price and stock; {@code version} is the sequence number of the last event applied. */
@Entity
@Table(name = "product_summary")
class ProductSummary extends AggregateRow {

    @Id
    @Column(name = "product_id")
    private String productId;

    @Column(nullable = false)
    private String name;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitPrice;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private int available;

    @Column(nullable = false)
    private int reserved;

    @Column(nullable = false)
    private int committed;

    @Column(nullable = false)
    private boolean discontinued;

    protected ProductSummary() {
        // JPA needs it; rows are written by ProductRow
    }

    ProductView toView() {
        return new ProductView(
                productId,
                name,
                Money.of(unitPrice, currency).amount(),
                currency,
                available,
                reserved,
                committed,
                discontinued,
                version());
    }
}
