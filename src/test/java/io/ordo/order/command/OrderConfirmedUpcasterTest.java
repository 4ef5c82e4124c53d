package io.ordo.order.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** A confirmation stored before fulfilment existed still reads, and says it never entered fulfilment. */
class OrderConfirmedUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void readsARevisionOneConfirmationAsConfirmedBeforeFulfilment() {
        OrderConfirmed event = read("1", """
                {"orderId":"order-1","total":25.50,"currency":"EUR"}""");

        assertThat(event.orderId()).isEqualTo("order-1");
        assertThat(event.total()).isEqualByComparingTo("25.50");
        assertThat(event.lines()).isNull();
        assertThat(event.confirmedBeforeFulfilment()).isTrue();
    }

    @Test
    void leavesARevisionTwoConfirmationAsItIs() {
        OrderConfirmed event = read("2", """
                {"orderId":"order-1","total":9.50,"currency":"EUR",
                 "lines":[{"productId":"mug","productName":"Mug","quantity":1,"unitPrice":9.50}]}""");

        assertThat(event.lines()).containsExactly(new OrderLine("mug", "Mug", 1, new BigDecimal("9.50")));
        assertThat(event.confirmedBeforeFulfilment()).isFalse();
    }

    private OrderConfirmed read(String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>(
                "Order", "order-1", 1, "event-1", Instant.now(), OrderConfirmed.class.getName(), revision, json, "{}");
        IntermediateEventRepresentation upcast = new OrderConfirmedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst()
                .orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.getData());
    }
}
