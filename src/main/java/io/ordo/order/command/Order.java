package io.ordo.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.ordo.order.api.AddOrderLine;
import io.ordo.order.api.CancelOrder;
import io.ordo.order.api.ChangeLineQuantity;
import io.ordo.order.api.ConfirmOrder;
import io.ordo.order.api.DeliverOrder;
import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PlaceOrder;
import io.ordo.order.api.RemoveOrderLine;
import io.ordo.order.api.ShipOrder;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order decides what may happen to it and records each decision as an event. Every command handler answers the
 * aggregate's version after the command, so a client can read its own writes.
 */
@Aggregate
class Order {

    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PLACED, OrderStatus.CONFIRMED);

    @AggregateIdentifier
    private String orderId;

    private OrderStatus status;
    private OrderLines lines;
    private Shipment shipment;

    Order() {
        // Axon rebuilds the order from its events through this constructor
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(PlaceOrder command) {
        requireText(command.orderId(), "orderId");
        requireText(command.customerId(), "customerId");
        if (command.shippingAddress() == null) {
            throw new IllegalArgumentException("an order needs a shipping address");
        }
        OrderLines placed = OrderLines.place(command.currency(), command.lines());
        apply(new OrderPlaced(
                command.orderId(),
                command.customerId(),
                placed.currency(),
                placed.asList(),
                command.shippingAddress(),
                placed.total()));
        return getVersion();
    }

    @CommandHandler
    long handle(AddOrderLine command) {
        OrderLine line = lines.validated(command.line());
        if (lines.contains(line)) {
            return getVersion();
        }
        requireLinesChangeable();
        OrderLines changed = lines.add(line);
        apply(new OrderLineAdded(orderId, line, changed.total(), changed.size()));
        return getVersion();
    }

    @CommandHandler
    long handle(RemoveOrderLine command) {
        requireText(command.productId(), "productId");
        if (!lines.has(command.productId())) {
            return getVersion();
        }
        requireLinesChangeable();
        OrderLines changed = lines.remove(command.productId());
        apply(new OrderLineRemoved(orderId, command.productId(), changed.total(), changed.size()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeLineQuantity command) {
        requireText(command.productId(), "productId");
        OrderLines.requireQuantity(command.quantity());
        if (lines.has(command.productId()) && lines.line(command.productId()).quantity() == command.quantity()) {
            return getVersion();
        }
        requireLinesChangeable();
        OrderLines changed = lines.withQuantity(command.productId(), command.quantity());
        apply(new OrderLineQuantityChanged(orderId, command.productId(), command.quantity(), changed.total()));
        return getVersion();
    }

    @CommandHandler
    long handle(ConfirmOrder command) {
        if (status == OrderStatus.CONFIRMED) {
            return getVersion();
        }
        requireStatus(OrderStatus.PLACED, "confirm");
        if (lines.isEmpty()) {
            throw new IllegalStateException("order " + orderId + " has no lines and cannot be confirmed");
        }
        apply(new OrderConfirmed(orderId, lines.total(), lines.currency()));
        return getVersion();
    }

    @CommandHandler
    long handle(ShipOrder command) {
        requireText(command.carrier(), "carrier");
        requireText(command.trackingNumber(), "trackingNumber");
        if (status == OrderStatus.SHIPPED
                && shipment.equals(new Shipment(command.carrier(), command.trackingNumber()))) {
            return getVersion();
        }
        requireStatus(OrderStatus.CONFIRMED, "ship");
        apply(new OrderShipped(orderId, command.carrier(), command.trackingNumber()));
        return getVersion();
    }

    @CommandHandler
    long handle(DeliverOrder command) {
        if (status == OrderStatus.DELIVERED) {
            return getVersion();
        }
        requireStatus(OrderStatus.SHIPPED, "deliver");
        apply(new OrderDelivered(orderId));
        return getVersion();
    }

    @CommandHandler
    long handle(CancelOrder command) {
        requireText(command.reason(), "reason");
        if (status == OrderStatus.CANCELLED) {
            return getVersion();
        }
        if (!CANCELLABLE.contains(status)) {
            throw new IllegalStateException("order " + orderId + " is " + status + " and can no longer be cancelled");
        }
        apply(new OrderCancelled(orderId, command.reason(), status));
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
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

    private void requireLinesChangeable() {
        if (status != OrderStatus.PLACED) {
            throw new IllegalStateException("order " + orderId + " is " + status + "; lines change only while PLACED");
        }
    }

    private void requireStatus(OrderStatus required, String action) {
        if (status != required) {
            throw new IllegalStateException(
                    "order " + orderId + " is " + status + "; only a " + required + " order can " + action);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private record Shipment(String carrier, String trackingNumber) {}
}
