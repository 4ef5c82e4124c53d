package io.ordo.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReleased;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.queries.FindProduct;
import io.ordo.inventory.api.queries.ListProducts;
import io.ordo.inventory.api.queries.ProductView;
import io.ordo.support.ProjectionSliceTest;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

/** The products read model, by calling its handlers as the processor would. */
@ProjectionSliceTest
class ProductProjectionTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    @Autowired
    private ProductProjection projection;

    @Autowired
    private TestEntityManager entityManager;

    @BeforeEach
    void registered() {
        projection.on(new ProductRegistered("mug", "Mug", new BigDecimal("9.50"), "EUR", 10), 0, NOW);
    }

    @Test
    void showsARegisteredProductWithItsStock() {
        assertThat(product("mug"))
                .isEqualTo(new ProductView("mug", "Mug", new BigDecimal("9.50"), "EUR", 10, 0, 0, false, 0));
    }

    @Test
    void followsStockThroughReservationReleaseAndShipment() {
        projection.on(new StockReserved("mug", "order-1", 3, 7, 3), 1, NOW);
        projection.on(new StockReserved("mug", "order-2", 2, 5, 5), 2, NOW);
        projection.on(new StockReleased("mug", "order-2", 2, 7, 3), 3, NOW);
        projection.on(new StockCommitted("mug", "order-1", 3, 0, 3), 4, NOW);
        projection.on(new ProductRestocked("mug", 5, 12), 5, NOW);

        ProductView mug = product("mug");
        assertThat(mug.available()).isEqualTo(12);
        assertThat(mug.reserved()).isZero();
        assertThat(mug.committed()).isEqualTo(3);
        assertThat(mug.available() + mug.reserved() + mug.committed()).isEqualTo(15);
        assertThat(mug.version()).isEqualTo(5);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        projection.on(new StockReserved("mug", "order-1", 3, 7, 3), 1, NOW);
        projection.on(new StockReleased("mug", "order-1", 3, 10, 0), 2, NOW);

        projection.on(new StockReserved("mug", "order-1", 3, 7, 3), 1, NOW);

        assertThat(product("mug").available()).isEqualTo(10);
    }

    @Test
    void listsDiscontinuedProductsOnlyWhenAsked() {
        projection.on(new ProductRegistered("tea", "Tea", new BigDecimal("4.00"), "EUR", 1), 0, NOW);
        projection.on(new ProductPriceChanged("tea", new BigDecimal("4.50"), "EUR"), 1, NOW);
        projection.on(new ProductDiscontinued("mug"), 1, NOW);
        flushAndClear();

        assertThat(projection.handle(new ListProducts(false)))
                .extracting(ProductView::productId, ProductView::unitPrice)
                .containsExactly(tuple("tea", new BigDecimal("4.50")));
        assertThat(projection.handle(new ListProducts(true)))
                .extracting(ProductView::productId)
                .containsExactly("mug", "tea");
    }

    private ProductView product(String productId) {
        flushAndClear();
        return projection.handle(new FindProduct(productId)).orElseThrow();
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
