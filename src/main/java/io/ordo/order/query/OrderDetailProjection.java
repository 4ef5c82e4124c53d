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
import io.ordo.order.api.PaymentStatus;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.projections.BatchedRows;
import io.ordo.platform.projections.ShadowTables;
import io.ordo.platform.projections.VersionedRow;
import io.ordo.platform.roles.QuerySide;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order detail read model. It tells subscribers of {@link FindOrder} the version each order reached (after the
 * transaction commits), which is what {@code ?minVersion=} waits for.
 */
@QuerySide
@Component
@ProcessingGroup(OrderProjections.GROUP)
class OrderDetailProjection {

    private static final String REACHED = OrderDetailProjection.class.getName() + ".reached";

    private final OrderDetailRepository details;
    private final BatchedRows<OrderDetailRow> rows;
    private final QueryUpdateEmitter updates;

    OrderDetailProjection(OrderDetailRepository details, JdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.details = details;
        this.rows = new BatchedRows<>(new OrderDetailRows(jdbc));
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at) {
        boolean placed = rows.insertIfAbsent(
                event.orderId(),
                () -> new OrderDetailRow(
                        event.orderId(),
                        event.customerId(),
                        event.salesChannel(),
                        event.currency(),
                        event.lines(),
                        event.total(),
                        event.shippingAddress(),
                        at,
                        version));
        if (placed) {
            announce(event.orderId(), version);
        }
    }

    @EventHandler
    void on(OrderLineAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> {
            detail.addLine(event.line());
            detail.totalChanged(event.total());
        });
    }

    @EventHandler
    void on(OrderLineRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> {
            detail.removeLine(event.productId());
            detail.totalChanged(event.total());
        });
    }

    @EventHandler
    void on(OrderLineQuantityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> {
            detail.changeQuantity(event.productId(), event.quantity());
            detail.totalChanged(event.total());
        });
    }

    @EventHandler
    void on(OrderConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.confirmed(event.confirmedBeforeFulfilment()));
    }

    @EventHandler
    void on(PaymentRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, OrderDetailRow::paymentRequested);
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> {
            detail.statusChanged(OrderStatus.PAID);
            detail.paymentStatusChanged(PaymentStatus.AUTHORIZED);
        });
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.paymentStatusChanged(PaymentStatus.DECLINED));
    }

    @EventHandler
    void on(OrderRejected event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.rejected(event.reason()));
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.paymentStatusChanged(PaymentStatus.REFUND_REQUESTED));
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.paymentStatusChanged(PaymentStatus.REFUNDED));
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.shipped(event.carrier(), event.trackingNumber()));
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.statusChanged(OrderStatus.DELIVERED));
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.orderId(), version, at, detail -> detail.cancelled(event.reason()));
    }

    @ResetHandler
    void reset() {
        details.deleteEverything();
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrder query) {
        return details.findById(query.orderId()).map(OrderDetail::toView);
    }

    private void update(String orderId, long version, Instant at, Consumer<OrderDetailRow> change) {
        if (rows.update(orderId, VersionedRow.ifNewer(version, at, change))) {
            announce(orderId, version);
        }
    }

    /**
     * Tells subscribers the version an order reached, once per order and batch: a waiter needs a version at or above
     * its own, so the batch's last one answers every waiter the earlier ones would have, and a replay emits one update
     * per order instead of one per event. Sent when the batch has committed, so a waiter that reads it finds the row.
     */
    private void announce(String orderId, long version) {
        if (ShadowTables.active()) {
            return; // an audit's rebuild: the live row has not reached anything
        }
        if (!CurrentUnitOfWork.isStarted()) {
            emit(orderId, version);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Long> reached = batch.getResource(REACHED);
        if (reached == null) {
            Map<String, Long> versions = new HashMap<>();
            batch.resources().put(REACHED, versions);
            // after commit, not at prepare-commit: there Axon's emitter would send at once, before the rows commit
            batch.afterCommit(unitOfWork -> versions.forEach(this::emit));
            reached = versions;
        }
        reached.merge(orderId, version, Math::max);
    }

    private void emit(String orderId, long version) {
        updates.emit(FindOrder.class, query -> query.orderId().equals(orderId), version);
    }
}
