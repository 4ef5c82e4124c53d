package io.ordo.platform.snapshots;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import io.ordo.support.StorageSpy;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The aggregate cache of the embedded default: an order just handled is not read from the store again. Beside
 * {@link SnapshotTest}, whose storage spy it shares and which shows the reads that happen with the cache off.
 */
@HttpTest
class AggregateCacheTest {

    @Autowired
    HttpJson http;

    @BeforeEach
    void client() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void aCachedOrderIsNotReadFromTheStoreAgain() {
        String orderId = "order-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-1")).status())
                .isEqualTo(201);
        changeQuantity(orderId, 3, 1);

        StorageSpy.READS.clear();
        changeQuantity(orderId, 4, 2);
        changeQuantity(orderId, 5, 3);

        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(orderId))
                .isEmpty();
        // what the cache holds is the order as its events left it
        assertThat(http.get("/api/orders/" + orderId + "/history?version=3")
                        .json()
                        .at("/lines/0/quantity")
                        .asInt())
                .isEqualTo(5);
        // the positive control: the history above reads the store past the cache, and the spy sees that read, so
        // the empty list before is the cache's doing and not a spy that sees nothing in this context
        assertThat(StorageSpy.READS)
                .filteredOn(read -> read.aggregateId().equals(orderId))
                .isNotEmpty();
    }

    private void changeQuantity(String orderId, int quantity, long version) {
        Response response = http.patch("/api/orders/" + orderId + "/lines/sku-1", "{\"quantity\":" + quantity + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }
}
