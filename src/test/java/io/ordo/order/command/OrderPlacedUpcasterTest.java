package io.ordo.order.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderPlaced;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** An order placed before sales channels were recorded still reads, as placed through the web shop. */
class OrderPlacedUpcasterTest {

    private static final String REVISION_1 = """
            {"orderId":"order-1","customerId":"customer-1","currency":"EUR",
             "lines":[{"productId":"mug","productName":"Mug","quantity":2,"unitPrice":9.50}],
             "shippingAddress":{"name":"Ada","street":"1 Main St","postalCode":"1000","city":"Brussels","country":"BE"},
             "total":19.00}""";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void readsARevisionOneOrderAsPlacedThroughTheWeb() {
        OrderPlaced event = read("1", REVISION_1);

        assertThat(event.salesChannel()).isEqualTo("web");
        assertThat(event.customerId()).isEqualTo("customer-1");
        assertThat(event.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        assertThat(event.total()).isEqualByComparingTo("19.00");
    }

    @Test
    void leavesARevisionTwoOrderAsItIs() {
        OrderPlaced event = read("2", REVISION_1.replace("\"total\"", "\"salesChannel\":\"marketplace\",\"total\""));

        assertThat(event.salesChannel()).isEqualTo("marketplace");
    }

    private OrderPlaced read(String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>(
                "Order", "order-1", 0, "event-1", Instant.now(), OrderPlaced.class.getName(), revision, json, "{}");
        IntermediateEventRepresentation upcast = new OrderPlacedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst()
                .orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.getData());
    }
}
