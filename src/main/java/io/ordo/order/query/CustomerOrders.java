package io.ordo.order.query;

import io.ordo.order.api.CustomerOrdersView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How many orders a customer has placed. {@code lastPosition} is the event stream position of the last order counted,
 * so that an event delivered twice is counted once.
 */
@Entity
@Table(name = "customer_orders")
class CustomerOrders {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "order_count", nullable = false)
    private long orderCount;

    @Column(name = "first_order_at", nullable = false)
    private Instant firstOrderAt;

    @Column(name = "last_order_at", nullable = false)
    private Instant lastOrderAt;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected CustomerOrders() {
        // JPA needs it
    }

    CustomerOrders(String customerId) {
        this.customerId = customerId;
        this.lastPosition = -1;
    }

    void orderPlaced(Instant at, long position) {
        if (position <= lastPosition) {
            return;
        }
        orderCount++;
        if (firstOrderAt == null || at.isBefore(firstOrderAt)) {
            firstOrderAt = at;
        }
        if (lastOrderAt == null || at.isAfter(lastOrderAt)) {
            lastOrderAt = at;
        }
        lastPosition = position;
    }

    CustomerOrdersView toView() {
        return new CustomerOrdersView(customerId, orderCount, firstOrderAt, lastOrderAt);
    }
}
