package io.ordo.order.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * One row per order, filed under its customer. Keyed by order id, so an event delivered twice or out of order is
 * counted exactly once, whatever segment or position it arrives in.
 */
@Entity
@Table(name = "customer_order", indexes = @Index(name = "ix_customer_order_customer", columnList = "customer_id"))
class CustomerOrder implements Persistable<String> {

    @Id
    @Column(name = "order_id")
    private String orderId;

    // a row the projection has just created: saving it inserts without first looking for it (see isNew)
    @Transient
    private boolean created;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected CustomerOrder() {
        // JPA needs it
    }

    CustomerOrder(String orderId, String customerId, Instant placedAt) {
        this.orderId = orderId;
        this.created = true;
        this.customerId = customerId;
        this.placedAt = placedAt;
    }

    @Override
    public String getId() {
        return orderId;
    }

    /** Only a row created here and not yet stored: Spring Data then persists it instead of merging it. */
    @Override
    public boolean isNew() {
        return created;
    }

    @PostPersist
    @PostLoad
    void stored() {
        created = false;
    }
}
