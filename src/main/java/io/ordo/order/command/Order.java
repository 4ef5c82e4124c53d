package io.ordo.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

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
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.OrderStatus.Step;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.DeliverOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.commands.RecordPayment;
import io.ordo.order.api.commands.RefundPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.RemoveOrderLine;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.order.api.commands.ShipOrder;
import io.ordo.order.api.queries.OrderAsOf;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.aggregates.VersionCheckedAggregate;
import io.ordo.platform.roles.CommandSide;
import io.ordo.shared.Identifiers;
import io.ordo.shared.Money;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order decides what may happen to it and records each decision as an event. Every command handler answers the
 * aggregate's version after the command, so a client can read its own writes. Once confirmed, the fulfilment process
 * reserves its stock and asks for payment; only a paid order ships, and cancelling a paid order owes a refund.
 *
 * <p>Which step each status allows is the table on {@link OrderStatus}; the payment, with its own rules and its own
 * events, is the member {@link OrderPayment}; the lines' rules are {@link OrderLines}', the input bounds {@link
 * OrderInput}'s. An order confirmed before the fulfilment process existed ({@code confirmedBeforeFulfilment}) ships
 * without a payment.
 *
 * <p>Snapshots store its fields as JSON. Change {@code @Revision} whenever they change shape: a snapshot of another
 * revision is then skipped and the order loads from its events.
 */
@CommandSide
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
@Revision("3")
class Order extends VersionCheckedAggregate {

    @AggregateIdentifier
    private String orderId;

    private String salesChannel;
    private OrderStatus status;
    private OrderLines lines;
    private Shipment shipment;

    @AggregateMember
    private OrderPayment payment = new OrderPayment();

    private boolean confirmedBeforeFulfilment;

    Order() {
        // Axon rebuilds the order from its events through this constructor
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(PlaceOrder command) {
        Identifiers.require(command.orderId(), "orderId");
        Identifiers.require(command.customerId(), "customerId");
        OrderInput.requireAddress(command.shippingAddress());
        OrderInput.requireSalesChannel(command.salesChannel());
        OrderLines placed = OrderLines.place(command.currency(), command.lines());
        apply(new OrderPlaced(
                command.orderId(),
                command.customerId(),
                placed.currency(),
                placed.asList(),
                command.shippingAddress(),
                placed.total(),
                command.salesChannel()));
        return getVersion();
    }

    @CommandHandler
    long handle(AddOrderLine command) {
        OrderLine line = lines.validated(command.line());
        lines.requirePricedIn(command.priceCurrency(), line);
        return unlessDone(lines.contains(line), Step.CHANGE_LINES, () -> lines.added(orderId, line));
    }

    @CommandHandler
    long handle(RemoveOrderLine command) {
        Identifiers.require(command.productId(), "productId");
        String productId = command.productId();
        return unlessDone(!lines.has(productId), Step.CHANGE_LINES, () -> lines.removed(orderId, productId));
    }

    @CommandHandler
    long handle(ChangeLineQuantity command) {
        Identifiers.require(command.productId(), "productId");
        OrderLines.requireQuantity(command.quantity());
        String productId = command.productId();
        int quantity = command.quantity();
        return unlessDone(
                lines.hasQuantity(productId, quantity),
                Step.CHANGE_LINES,
                () -> lines.quantityChanged(orderId, productId, quantity));
    }

    @CommandHandler
    long handle(ConfirmOrder command) {
        return unlessDone(status == OrderStatus.CONFIRMED, Step.CONFIRM, () -> lines.confirmed(orderId));
    }

    @CommandHandler
    long handle(RequestPayment command) {
        return unlessDone(
                payment.isRequested(),
                Step.REQUEST_PAYMENT,
                () -> new PaymentRequested(orderId, lines.total(), lines.currency()));
    }

    @CommandHandler
    long handle(RecordPayment command) {
        Money amount = OrderPayment.amountOf(command, lines.currency());
        return unlessDone(
                payment.hasRecorded(command, amount),
                Step.TAKE_PAYMENT,
                () -> payment.answer(orderId, command, amount));
    }

    @CommandHandler
    long handle(RejectOrder command) {
        OrderInput.requireReason(command.reason());
        return unlessDone(
                status == OrderStatus.REJECTED, Step.REJECT, () -> new OrderRejected(orderId, command.reason()));
    }

    @CommandHandler
    long handle(ShipOrder command) {
        OrderInput.requireShipment(command.carrier(), command.trackingNumber());
        Shipment requested = new Shipment(command.carrier(), command.trackingNumber());
        return unlessDone(
                status == OrderStatus.SHIPPED && requested.equals(shipment),
                confirmedBeforeFulfilment ? Step.SHIP_CONFIRMED_BEFORE_FULFILMENT : Step.SHIP,
                () -> new OrderShipped(orderId, requested.carrier(), requested.trackingNumber()));
    }

    @CommandHandler
    long handle(DeliverOrder command) {
        return unlessDone(status == OrderStatus.DELIVERED, Step.DELIVER, () -> new OrderDelivered(orderId));
    }

    /** Cancelling a paid order owes the customer a refund, recorded with the cancellation. */
    @CommandHandler
    long handle(CancelOrder command) {
        OrderInput.requireReason(command.reason());
        OrderStatus previous = status;
        unlessDone(
                previous == OrderStatus.CANCELLED,
                Step.CANCEL,
                () -> new OrderCancelled(orderId, command.reason(), previous));
        if (previous == OrderStatus.PAID) {
            apply(payment.refundOwed(orderId, lines.currency()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(CancelUnpaidOrder command) {
        OrderInput.requireReason(command.reason());
        if (status.allows(Step.CANCEL_UNPAID) && !payment.isSettled()) {
            apply(new OrderCancelled(orderId, command.reason(), status));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RefundPayment command) {
        if (!payment.isRefunded()) {
            apply(payment.refunded(orderId, lines.currency()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        salesChannel = event.salesChannel();
        status = OrderStatus.PLACED;
        lines = OrderLines.recorded(event.currency(), event.lines());
    }

    @EventSourcingHandler
    void on(OrderLineAdded event) {
        lines = lines.put(event.line());
    }

    @EventSourcingHandler
    void on(OrderLineRemoved event) {
        lines = lines.remove(event.productId());
    }

    @EventSourcingHandler
    void on(OrderLineQuantityChanged event) {
        lines = lines.withQuantity(event.productId(), event.quantity());
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
        confirmedBeforeFulfilment = event.confirmedBeforeFulfilment();
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
        shipment = new Shipment(event.carrier(), event.trackingNumber());
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    /** What the order knows of itself, for its history just after the event {@code version}. */
    OrderAsOf asOf(long version, Instant recordedAt) {
        OrderView.Shipment shipped =
                shipment == null ? null : new OrderView.Shipment(shipment.carrier(), shipment.trackingNumber());
        return new OrderAsOf(
                orderId,
                salesChannel,
                status,
                lines.currency(),
                lines.asList(),
                lines.total(),
                payment.status(),
                payment.reference(),
                shipped,
                version,
                recordedAt);
    }

    /**
     * Every step's rule. A command whose outcome the order already records changes nothing, so a retried command
     * answers the current version; any other needs a status that allows its step ({@link OrderStatus}), and {@code
     * decision} then checks the step's own rules and says which event records it.
     */
    private long unlessDone(boolean done, Step step, Supplier<?> decision) {
        if (!done) {
            if (!status.allows(step)) {
                throw new IllegalStateException(step.refusal(orderId, status));
            }
            apply(decision.get());
        }
        return getVersion();
    }

    private record Shipment(String carrier, String trackingNumber) {}
}
