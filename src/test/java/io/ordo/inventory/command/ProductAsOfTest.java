package io.ordo.inventory.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.queries.ProductAsOf;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The product as its history shows it: the stock its events rebuild. */
class ProductAsOfTest {

    @Test
    void showsTheStockAsTheEventsLeftIt() {
        Product product = new Product();
        product.on(new ProductRegistered("mug", "Mug", new BigDecimal("9.50"), "EUR", 10));
        product.on(new StockReserved("mug", "order-1", 3, 7, 3));
        product.on(new StockCommitted("mug", "order-1", 3, 0, 3));
        product.on(new StockReserved("mug", "order-2", 2, 5, 2));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");

        ProductAsOf asOf = product.asOf(3, at);

        assertThat(asOf.productId()).isEqualTo("mug");
        assertThat(asOf.unitPrice()).isEqualByComparingTo("9.50");
        assertThat(asOf.available()).isEqualTo(5);
        assertThat(asOf.reserved()).isEqualTo(2);
        assertThat(asOf.committed()).isEqualTo(3);
        assertThat(asOf.discontinued()).isFalse();
        assertThat(asOf.version()).isEqualTo(3);
        assertThat(asOf.recordedAt()).isEqualTo(at);
    }
}
