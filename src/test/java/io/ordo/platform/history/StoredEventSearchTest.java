package io.ordo.platform.history;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The event search's bounds on a real store: a text search reads at most so many events and says where it stopped. */
@HttpTest
class StoredEventSearchTest {

    @Autowired
    HttpJson http;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private String orderId;

    @BeforeEach
    void anOrderAmongOthers() {
        Products.ensureStandardProducts(http);
        orderId = "scan-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-scan"))
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/orders", placeOrder("scan-" + UUID.randomUUID(), "customer-newer"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTextSearchStopsAtItsBoundAndSaysWhereToGoOn() {
        StoredEventSearch search = searchReadingAtMost(1);

        EventSearchPage first = search.search(text(orderId, null));

        assertThat(first.events()).as("the newest event is the other order's").isEmpty();
        assertThat(first.stoppedEarly()).isTrue();
        assertThat(first.scanned()).isEqualTo(1);
        EventSearchPage next = search.search(text(orderId, first.olderBefore()));
        assertThat(next.events()).singleElement().satisfies(event -> {
            assertThat(event.aggregateId()).isEqualTo(orderId);
            assertThat(event.eventName()).isEqualTo("OrderPlaced");
            assertThat(event.principal()).isEqualTo("clerk");
            assertThat(event.correlationId()).isNotBlank();
            assertThat(event.payload()).contains("\"unitPrice\" : 9.50");
        });
    }

    @Test
    void aTimeRangeKeepsOnlyTheEventsRecordedInIt() {
        StoredEventSearch search = searchReadingAtMost(1000);
        Instant placed = search.search(new EventSearch(orderId, null, null, null, null, null, 1))
                .events()
                .get(0)
                .timestamp();

        assertThat(search.search(new EventSearch(orderId, null, null, placed, placed.plusMillis(1), null, 5))
                        .events())
                .hasSize(1);
        assertThat(search.search(new EventSearch(orderId, null, null, placed.plusMillis(1), null, null, 5))
                        .events())
                .isEmpty();
        assertThat(search.search(new EventSearch(orderId, null, null, null, placed, null, 5))
                        .events())
                .isEmpty();
    }

    @Test
    void theKnownTypesAreEveryStoredPayloadTypeOnce() {
        assertThat(searchReadingAtMost(1).payloadTypes())
                .contains("io.ordo.order.api.OrderPlaced", "io.ordo.inventory.api.ProductRegistered")
                .doesNotHaveDuplicates()
                .isSorted();
    }

    private StoredEventSearch searchReadingAtMost(int events) {
        return new StoredEventSearch(jdbc, new EventSearchProperties(100, events, 8_000), json);
    }

    private static EventSearch text(String text, Long before) {
        return new EventSearch(null, null, text, null, null, before, 10);
    }
}
