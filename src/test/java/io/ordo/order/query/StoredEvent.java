package io.ordo.order.query;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderShipped;
import java.time.Instant;

/** One order event as the event store hands it to a processor: payload, sequence number and timestamp. */
record StoredEvent(Object payload, long sequenceNumber, Instant timestamp) {

    void applyTo(OrderSummaryProjection projection) {
        if (payload instanceof OrderPlaced event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineAdded event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineRemoved event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineQuantityChanged event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderConfirmed event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderShipped event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderDelivered event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderCancelled event) {
            projection.on(event, sequenceNumber, timestamp);
        } else {
            throw new IllegalArgumentException("no handler for " + payload);
        }
    }

    void applyTo(OrderDetailProjection projection) {
        if (payload instanceof OrderPlaced event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineAdded event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineRemoved event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderLineQuantityChanged event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderConfirmed event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderShipped event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderDelivered event) {
            projection.on(event, sequenceNumber, timestamp);
        } else if (payload instanceof OrderCancelled event) {
            projection.on(event, sequenceNumber, timestamp);
        } else {
            throw new IllegalArgumentException("no handler for " + payload);
        }
    }
}
