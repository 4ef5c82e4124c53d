package io.ordo.analytics.query;

import static io.ordo.analytics.api.AnalyticsFigure.CUSTOMERS;
import static io.ordo.analytics.api.AnalyticsFigure.FULFILMENT_TIMES;
import static io.ordo.analytics.api.AnalyticsFigure.FUNNEL;
import static io.ordo.analytics.api.AnalyticsFigure.PRODUCTS;
import static io.ordo.analytics.api.AnalyticsFigure.SALES;
import static io.ordo.analytics.api.AnalyticsFigure.STOCK;

import io.ordo.analytics.api.AnalyticsChange;
import io.ordo.analytics.api.AnalyticsSummary;
import io.ordo.analytics.api.CustomerFigures;
import io.ordo.analytics.api.FindCustomers;
import io.ordo.analytics.api.FindFulfilmentTimes;
import io.ordo.analytics.api.FindFunnel;
import io.ordo.analytics.api.FindSales;
import io.ordo.analytics.api.FindStockAlerts;
import io.ordo.analytics.api.FindSummary;
import io.ordo.analytics.api.FindTopProducts;
import io.ordo.analytics.api.FulfilmentTimes;
import io.ordo.analytics.api.Funnel;
import io.ordo.analytics.api.SalesFigures;
import io.ordo.analytics.api.StockAlerts;
import io.ordo.analytics.api.TopProducts;
import io.ordo.analytics.api.WatchAnalytics;
import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReleased;
import io.ordo.inventory.api.StockReserved;
import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.platform.projections.BatchedRows;
import io.ordo.platform.projections.VersionedRow;
import io.ordo.platform.roles.QuerySide;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analytics read model. It keeps facts, not sums: per order the time of each step and why it left, per line its
 * units and price, per product its stock, each row applied once by sequence number ({@link VersionedRow}). Every
 * figure is then a query over the orders placed in a window ({@link AnalyticsReads}), so it is exact, any window can be
 * asked for, and a replay gives the same figures; counters kept per bucket could do neither once an order changes
 * after its bucket.
 */
@QuerySide
@Component
@ProcessingGroup(AnalyticsProjection.GROUP)
class AnalyticsProjection {

    /** The processing group, and the name of its processor. */
    static final String GROUP = "analytics";

    private final JdbcTemplate jdbc;
    private final BatchedRows<OrderFigures> orders;
    private final BatchedRows<LineFigures> lines;
    private final BatchedRows<StockFigures> stock;
    private final AnalyticsReads reads;
    private final FigureCache cache = new FigureCache(Clock.systemUTC());
    private final AnalyticsChanges changes;

    AnalyticsProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.orders = new BatchedRows<>(OrderFigures.table(jdbc));
        this.lines = new BatchedRows<>(LineFigures.table(jdbc));
        this.stock = new BatchedRows<>(StockFigures.table(jdbc));
        this.reads = new AnalyticsReads(jdbc);
        this.changes = new AnalyticsChanges(emitter, cache);
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        orders.insertIfAbsent(
                event.orderId(),
                () -> new OrderFigures(
                        event.orderId(), event.customerId(), event.currency(), event.total(), at, version));
        // one line per product, the later one winning, as the order itself reads its lines
        Map<String, OrderLine> byProduct = new LinkedHashMap<>();
        event.lines().forEach(line -> byProduct.put(line.productId(), line));
        byProduct.values().forEach(line -> addLine(event.orderId(), line, version, at));
        changes.changed(at, SALES, FUNNEL, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(OrderLineAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.totalChanged(event.total()));
        addLine(event.orderId(), event.line(), version, at);
        changes.changed(at, SALES, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(OrderLineQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.totalChanged(event.total()));
        updateLine(event.orderId(), event.productId(), version, at, line -> line.quantityChanged(event.quantity()));
        changes.changed(at, SALES, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(OrderLineRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.totalChanged(event.total()));
        updateLine(event.orderId(), event.productId(), version, at, line -> line.quantityChanged(0));
        changes.changed(at, SALES, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> {
            order.confirmed(at);
            order.totalChanged(event.total());
        });
        changes.changed(at, FUNNEL);
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.paid(at));
        changes.changed(at, FUNNEL, FULFILMENT_TIMES);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.shipped(at));
        changes.changed(at, FUNNEL, FULFILMENT_TIMES);
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(event.orderId(), version, at, order -> order.delivered(at));
        changes.changed(at, FUNNEL, FULFILMENT_TIMES);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        String from =
                event.previousStatus() == null ? null : event.previousStatus().name();
        updateOrder(
                event.orderId(),
                version,
                at,
                order -> order.left("CANCELLED", from != null ? from : order.status(), ExitReasons.of(event.reason())));
        changes.changed(at, SALES, FUNNEL, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(OrderRejected event, @SequenceNumber long version, @Timestamp Instant at) {
        updateOrder(
                event.orderId(),
                version,
                at,
                order -> order.left("REJECTED", order.status(), ExitReasons.of(event.reason())));
        changes.changed(at, SALES, FUNNEL, PRODUCTS, CUSTOMERS);
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        stock.insertIfAbsent(
                event.productId(),
                () -> new StockFigures(event.productId(), event.name(), event.initialStock(), at, version));
        changes.changed(at, STOCK);
    }

    @EventHandler
    void on(ProductRestocked event, @SequenceNumber long version, @Timestamp Instant at) {
        updateStock(event.productId(), version, at, product -> product.availableChanged(event.available()));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long version, @Timestamp Instant at) {
        updateStock(
                event.productId(), version, at, product -> product.stockChanged(event.available(), event.reserved()));
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        updateStock(
                event.productId(), version, at, product -> product.stockChanged(event.available(), event.reserved()));
    }

    @EventHandler
    void on(StockCommitted event, @SequenceNumber long version, @Timestamp Instant at) {
        updateStock(event.productId(), version, at, product -> product.reservedChanged(event.reserved()));
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long version, @Timestamp Instant at) {
        updateStock(event.productId(), version, at, StockFigures::discontinued);
    }

    @ResetHandler
    void reset() {
        cache.changed();
        jdbc.update("delete from analytics_order_line");
        jdbc.update("delete from analytics_order");
        jdbc.update("delete from analytics_stock");
    }

    @QueryHandler
    AnalyticsSummary handle(FindSummary query) {
        return cache.get(query, () -> reads.summary(query.window()));
    }

    @QueryHandler
    SalesFigures handle(FindSales query) {
        return cache.get(query, () -> reads.sales(query.window(), query.granularity()));
    }

    @QueryHandler
    TopProducts handle(FindTopProducts query) {
        return cache.get(query, () -> reads.topProducts(query.window(), query.limit()));
    }

    @QueryHandler
    StockAlerts handle(FindStockAlerts query) {
        return cache.get(query, () -> reads.stockAlerts(query.lowBelow(), query.limit()));
    }

    @QueryHandler
    Funnel handle(FindFunnel query) {
        return cache.get(query, () -> reads.funnel(query.window()));
    }

    @QueryHandler
    FulfilmentTimes handle(FindFulfilmentTimes query) {
        return cache.get(query, () -> reads.fulfilmentTimes(query.window()));
    }

    @QueryHandler
    CustomerFigures handle(FindCustomers query) {
        return cache.get(query, () -> reads.customers(query.window(), query.customerId(), query.limit()));
    }

    /** The first answer of the live subscription: nothing changed yet. Its updates come from {@link AnalyticsChanges}. */
    @QueryHandler
    AnalyticsChange handle(WatchAnalytics query) {
        return new AnalyticsChange(Set.of(), null);
    }

    private void addLine(String orderId, OrderLine line, long version, Instant at) {
        boolean added = lines.insertIfAbsent(
                LineFigures.key(orderId, line.productId()),
                () -> new LineFigures(
                        orderId, line.productId(), line.productName(), line.quantity(), line.unitPrice(), at, version));
        if (!added) {
            updateLine(
                    orderId,
                    line.productId(),
                    version,
                    at,
                    row -> row.addedAgain(line.productName(), line.quantity(), line.unitPrice()));
        }
    }

    private void updateOrder(String orderId, long version, Instant at, Consumer<OrderFigures> change) {
        orders.update(orderId, VersionedRow.ifNewer(version, at, change));
    }

    private void updateLine(String orderId, String productId, long version, Instant at, Consumer<LineFigures> change) {
        lines.update(LineFigures.key(orderId, productId), VersionedRow.ifNewer(version, at, change));
    }

    private void updateStock(String productId, long version, Instant at, Consumer<StockFigures> change) {
        stock.update(productId, VersionedRow.ifNewer(version, at, change));
        changes.changed(at, STOCK);
    }
}
