package io.ordo.order.query;

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
import io.ordo.order.api.ShippingAddress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order's events as the Order aggregate records them: sequence numbers from 0, each event a minute after the one
 * before, totals and line counts worked out from the lines so far.
 */
final class OrderHistory {

    static final String CURRENCY = "EUR";
    static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB");

    private final String orderId;
    private final Instant placedAt;
    private final Map<String, OrderLine> lines = new LinkedHashMap<>();
    private final List<StoredEvent> events = new ArrayList<>();
    private OrderStatus status = OrderStatus.PLACED;

    private OrderHistory(String orderId, Instant placedAt) {
        this.orderId = orderId;
        this.placedAt = placedAt;
    }

    static OrderHistory placed(String orderId, String customerId, Instant at, OrderLine... placedLines) {
        OrderHistory history = new OrderHistory(orderId, at);
        for (OrderLine line : placedLines) {
            history.lines.put(line.productId(), line);
        }
        return history.record(
                new OrderPlaced(orderId, customerId, CURRENCY, List.of(placedLines), ADDRESS, history.total()));
    }

    static OrderLine line(String productId, String productName, int quantity, String unitPrice) {
        return new OrderLine(productId, productName, quantity, new BigDecimal(unitPrice));
    }

    OrderHistory lineAdded(OrderLine line) {
        lines.put(line.productId(), line);
        return record(new OrderLineAdded(orderId, line, total(), lines.size()));
    }

    OrderHistory lineRemoved(String productId) {
        lines.remove(productId);
        return record(new OrderLineRemoved(orderId, productId, total(), lines.size()));
    }

    OrderHistory quantityChanged(String productId, int quantity) {
        OrderLine current = lines.get(productId);
        lines.put(productId, new OrderLine(productId, current.productName(), quantity, current.unitPrice()));
        return record(new OrderLineQuantityChanged(orderId, productId, quantity, total()));
    }

    OrderHistory confirmed() {
        status = OrderStatus.CONFIRMED;
        return record(new OrderConfirmed(orderId, total(), CURRENCY, lines()));
    }

    OrderHistory shipped(String carrier, String trackingNumber) {
        status = OrderStatus.SHIPPED;
        return record(new OrderShipped(orderId, carrier, trackingNumber));
    }

    OrderHistory delivered() {
        status = OrderStatus.DELIVERED;
        return record(new OrderDelivered(orderId));
    }

    OrderHistory cancelled(String reason) {
        OrderStatus previous = status;
        status = OrderStatus.CANCELLED;
        return record(new OrderCancelled(orderId, reason, previous));
    }

    String orderId() {
        return orderId;
    }

    Instant placedAt() {
        return placedAt;
    }

    List<StoredEvent> events() {
        return List.copyOf(events);
    }

    StoredEvent first() {
        return events.get(0);
    }

    StoredEvent last() {
        return events.get(events.size() - 1);
    }

    List<OrderLine> lines() {
        return List.copyOf(lines.values());
    }

    /** The total as {@code Money} records it in the events: two decimals for EUR. */
    BigDecimal total() {
        return lines.values().stream()
                .map(OrderLine::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    private OrderHistory record(Object payload) {
        long sequenceNumber = events.size();
        events.add(new StoredEvent(payload, sequenceNumber, placedAt.plus(Duration.ofMinutes(sequenceNumber))));
        return this;
    }
}
