package io.ordo.order.query;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.queries.ListOrders;
import io.ordo.order.api.queries.OrderPage;
import io.ordo.platform.projections.BatchedRows;
import io.ordo.platform.projections.VersionedRow;
import io.ordo.platform.roles.QuerySide;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The order list: one row per order, newest first. Events older than a row's version are skipped on re-delivery. */
@QuerySide
@Component
@ProcessingGroup(OrderProjections.GROUP)
class OrderSummaryProjection {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("orderId"));

    private final OrderSummaryRepository summaries;
    private final BatchedRows<OrderSummaryRow> rows;

    OrderSummaryProjection(OrderSummaryRepository summaries, JdbcTemplate jdbc) {
        this.summaries = summaries;
        this.rows = new BatchedRows<>(OrderSummaryRow.table(jdbc));
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.insertIfAbsent(
                event.orderId(),
                () -> new OrderSummaryRow(
                        event.orderId(),
                        event.customerId(),
                        OrderStatus.PLACED,
                        event.lines().size(),
                        event.total(),
                        event.currency(),
                        at,
                        at,
                        version));
    }

    @EventHandler
    void on(OrderLineAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.linesChanged(event.lineCount(), event.total()));
    }

    @EventHandler
    void on(OrderLineRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.linesChanged(event.lineCount(), event.total()));
    }

    @EventHandler
    void on(OrderLineQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.totalChanged(event.total()));
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.CONFIRMED));
    }

    @EventHandler
    void on(PaymentRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> {});
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.PAID));
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> {});
    }

    @EventHandler
    void on(OrderRejected event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.REJECTED));
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> {});
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> {});
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.SHIPPED));
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.DELIVERED));
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, summary -> summary.statusChanged(OrderStatus.CANCELLED));
    }

    @ResetHandler
    void reset() {
        summaries.deleteAllInBatch();
    }

    @QueryHandler
    OrderPage handle(ListOrders query) {
        Page<OrderSummary> page = summaries.search(
                query.status(), query.customerId(), PageRequest.of(query.page(), query.size(), NEWEST_FIRST));
        return new OrderPage(
                page.map(OrderSummary::toView).getContent(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    private void update(String orderId, long version, Instant at, Consumer<OrderSummaryRow> change) {
        rows.update(orderId, VersionedRow.ifNewer(version, at, change));
    }
}
