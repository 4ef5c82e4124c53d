package io.ordo.order.web;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Waiting reads end by cancelling their re-reads. Reactor cancels a periodic task by interrupting its thread, and an
 * interrupted H2 file read closes the embedded database for good, so the re-reads must never run on that thread.
 */
@HttpTest
@TestPropertySource(properties = {"ordo.read-your-writes.recheck=1ms", "ordo.read-your-writes.timeout=40ms"})
// the only class with this configuration: closing its context stops its processors for the rest of the run
@DirtiesContext
class ReadYourWritesTest {

    @Autowired
    HttpJson http;

    @Test
    void waitsThatTimeOutLeaveTheStoreWorking() throws Exception {
        Products.ensureStandardProducts(http);
        String orderId = "ryw-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "customer-ryw")).status())
                .isEqualTo(201);

        // given many reads waiting for a version that never comes, each re-reading every millisecond
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(readers.submit(
                    () -> http.get("/api/orders/" + orderId + "?minVersion=99").status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(503);
        }
        readers.shutdown();

        // then the store still takes commands
        assertThat(http.post("/api/orders", placeOrder("ryw-" + UUID.randomUUID(), "customer-ryw"))
                        .status())
                .isEqualTo(201);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        // and no read is left waiting
        assertThat(http.asAdmin()
                        .get("/actuator/metrics/ordo.read_your_writes.waiters")
                        .json()
                        .at("/measurements/0/value")
                        .asDouble())
                .isZero();
    }
}
