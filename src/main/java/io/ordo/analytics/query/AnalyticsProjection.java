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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
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
 * The analytics read model. It keeps facts: per order the time of each step and why it left, per line its units and
 * price, per product its stock, each row applied once by sequence number ({@link VersionedRow}). From each change of
 * an order or a line it derives, in the same batch, what changed in the pre-summed buckets ({@link OrderBuckets}): the
 * contribution after the event less the one before, keyed by the order's placement time. A figure is then a sum over
 * a few hundred bucket rows ({@link AnalyticsReads}), whatever the number of orders in the window, and a replay gives
 * the same figures.
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
    private final BucketDeltas deltas;
    private final OrderBuckets buckets;

    AnalyticsProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.orders = new BatchedRows<>(OrderFigures.table(jdbc));
        this.lines = new BatchedRows<>(LineFigures.table(jdbc));
        this.stock = new BatchedRows<>(StockFigures.table(jdbc));
        this.reads = new AnalyticsReads(jdbc);
        this.changes = new AnalyticsChanges(emitter, cache);
        this.deltas = new BucketDeltas(jdbc);
        this.buckets = new OrderBuckets(deltas);
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        OrderFigures placed =
                new OrderFigures(event.orderId(), event.customerId(), event.currency(), event.total(), at, version);
        if (orders.insertIfAbsent(event.orderId(), () -> placed)) {
            buckets.orderChanged(null, placed.facts());
        }
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
        for (BucketTable table :
                List.of(OrderBuckets.SALES, OrderBuckets.EXITS, OrderBuckets.PRODUCTS, OrderBuckets.TIMES)) {
            jdbc.update("delete from " + table.name());
        }
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
        LineFigures created = new LineFigures(
                orderId, line.productId(), line.productName(), line.quantity(), line.unitPrice(), at, version);
        boolean added = lines.insertIfAbsent(LineFigures.key(orderId, line.productId()), () -> created);
        if (added) {
            deltas.lineTouched(orderId, line.productId());
            OrderFigures.Facts order = orderFacts(orderId);
            if (order != null) {
                buckets.lineChanged(order, null, OrderBuckets.LineFacts.of(created));
            }
        } else {
            updateLine(
                    orderId,
                    line.productId(),
                    version,
                    at,
                    row -> row.addedAgain(line.productName(), line.quantity(), line.unitPrice()));
        }
    }

    /** Applies an event to an order's row and, if it was newer than the row, its difference to the buckets. */
    private void updateOrder(String orderId, long version, Instant at, Consumer<OrderFigures> change) {
        AtomicReference<OrderFigures.Facts> before = new AtomicReference<>();
        AtomicReference<OrderFigures.Facts> after = new AtomicReference<>();
        orders.update(orderId, order -> {
            OrderFigures.Facts was = order.facts();
            if (!VersionedRow.ifNewer(version, at, change).test(order)) {
                return false;
            }
            before.set(was);
            after.set(order.facts());
            return true;
        });
        if (after.get() == null) {
            return;
        }
        buckets.orderChanged(before.get(), after.get());
        if (before.get().kept() != after.get().kept()) {
            // an order that left takes its lines out of the top products
            buckets.linesMoved(before.get(), after.get(), linesOf(orderId));
        }
    }

    private void updateLine(String orderId, String productId, long version, Instant at, Consumer<LineFigures> change) {
        AtomicReference<OrderBuckets.LineFacts> before = new AtomicReference<>();
        AtomicReference<OrderBuckets.LineFacts> after = new AtomicReference<>();
        lines.update(LineFigures.key(orderId, productId), line -> {
            OrderBuckets.LineFacts was = OrderBuckets.LineFacts.of(line);
            if (!VersionedRow.ifNewer(version, at, change).test(line)) {
                return false;
            }
            before.set(was);
            after.set(OrderBuckets.LineFacts.of(line));
            return true;
        });
        OrderFigures.Facts order = after.get() == null ? null : orderFacts(orderId);
        if (order != null) {
            buckets.lineChanged(order, before.get(), after.get());
        }
    }

    /** The order as this batch sees it (its row read once, changed in memory by the batch's events), or null. */
    private OrderFigures.Facts orderFacts(String orderId) {
        AtomicReference<OrderFigures.Facts> found = new AtomicReference<>();
        orders.update(orderId, order -> {
            found.set(order.facts());
            return false;
        });
        return found.get();
    }

    /** The order's lines as this batch sees them: those stored and those this batch added, not yet written. */
    private List<OrderBuckets.LineFacts> linesOf(String orderId) {
        Set<String> productIds = new TreeSet<>(jdbc.queryForList(
                "select product_id from analytics_order_line where order_id = ?", String.class, orderId));
        productIds.addAll(deltas.linesTouched(orderId));
        List<OrderBuckets.LineFacts> found = new ArrayList<>();
        for (String productId : productIds) {
            lines.update(LineFigures.key(orderId, productId), line -> {
                found.add(OrderBuckets.LineFacts.of(line));
                return false;
            });
        }
        return found;
    }

    private void updateStock(String productId, long version, Instant at, Consumer<StockFigures> change) {
        stock.update(productId, VersionedRow.ifNewer(version, at, change));
        changes.changed(at, STOCK);
    }
}
