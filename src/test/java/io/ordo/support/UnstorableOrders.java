package io.ordo.support;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.ShippingAddress;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Orders that no projection can store, put straight into the event store as an older version of the service (or a
 * bug) could have: the API and the aggregate would refuse them today.
 */
public final class UnstorableOrders {

    private UnstorableOrders() {}

    /** An {@code OrderPlaced} whose customer id is longer than every {@code customer_id} column (255). */
    public static void place(EventStore eventStore, String orderId) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Order",
                orderId,
                0,
                new OrderPlaced(
                        orderId,
                        "c".repeat(300),
                        "EUR",
                        List.of(new OrderLine("sku-1", "Mug", 1, new BigDecimal("9.50"))),
                        new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE"),
                        new BigDecimal("9.50"))));
    }

    /** A new order id that a processor with {@code segments} segments hands to the same segment as {@code orderId}. */
    public static String onTheSameSegmentAs(String orderId, int segments) {
        Segment segment = Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1).stream()
                .filter(candidate -> candidate.matches(orderId))
                .findFirst()
                .orElseThrow();
        String other;
        do {
            other = "after-" + UUID.randomUUID();
        } while (!segment.matches(other));
        return other;
    }
}
