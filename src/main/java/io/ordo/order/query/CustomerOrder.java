package io.ordo.order.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row per order, filed under its customer. Keyed by order id, so an event delivered twice or out of order is
 * counted exactly once, whatever segment or position it arrives in.
 */
@Entity
@Table(name = "customer_order", indexes = @Index(name = "ix_customer_order_customer", columnList = "customer_id"))
class CustomerOrder {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected CustomerOrder() {
        // JPA needs it; rows are written by CustomerOrderRow
    }
}
