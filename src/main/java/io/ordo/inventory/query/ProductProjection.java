package io.ordo.inventory.query;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReleased;
import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.queries.FindProduct;
import io.ordo.inventory.api.queries.ListProducts;
import io.ordo.inventory.api.queries.ProductView;
import io.ordo.platform.projections.BatchedRows;
import io.ordo.platform.projections.VersionedRow;
import io.ordo.platform.roles.QuerySide;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Products with their stock. Stock events carry the counts after the change, so a row is set, never added to, and an
 * event delivered twice changes nothing; older events than the row's version are skipped.
 */
@QuerySide
@Component
@ProcessingGroup(InventoryProjections.GROUP)
class ProductProjection {

    private final ProductSummaryRepository products;
    private final BatchedRows<ProductRow> rows;

    ProductProjection(ProductSummaryRepository products, JdbcTemplate jdbc) {
        this.products = products;
        this.rows = new BatchedRows<>(ProductRow.table(jdbc));
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.insertIfAbsent(
                event.productId(),
                () -> new ProductRow(
                        event.productId(),
                        event.name(),
                        event.unitPrice(),
                        event.currency(),
                        event.initialStock(),
                        at,
                        version));
    }

    @EventHandler
    void on(ProductRestocked event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> product.availableChanged(event.available()));
    }

    @EventHandler
    void on(ProductPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> product.priceChanged(event.unitPrice()));
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, ProductRow::discontinued);
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> product.stockChanged(event.available(), event.reserved()));
    }

    @EventHandler
    void on(StockReservationRejected event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> {});
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> product.stockChanged(event.available(), event.reserved()));
    }

    @EventHandler
    void on(StockCommitted event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.productId(), version, at, product -> product.shipped(event.reserved(), event.committed()));
    }

    @ResetHandler
    void reset() {
        products.deleteAllInBatch();
    }

    @QueryHandler
    Optional<ProductView> handle(FindProduct query) {
        return products.findById(query.productId()).map(ProductSummary::toView);
    }

    @QueryHandler
    List<ProductView> handle(ListProducts query) {
        List<ProductSummary> found = query.includeDiscontinued()
                ? products.findAllByOrderByProductId()
                : products.findAllByDiscontinuedFalseOrderByProductId();
        return found.stream().map(ProductSummary::toView).toList();
    }

    private void update(String productId, long version, Instant at, Consumer<ProductRow> change) {
        rows.update(productId, VersionedRow.ifNewer(version, at, change));
    }
}
