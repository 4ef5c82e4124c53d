package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which instance holds which segments of every processor, read from Axon's token table. */
final class SegmentClaims {

    static final String[] PROCESSORS = {"orders", "customers", "products", "analytics", "order-fulfilment"};

    private final JdbcTemplate sql;

    SegmentClaims(JdbcTemplate sql) {
        this.sql = sql;
    }

    /** Command-line properties for a test instance: its node id, and claims checked every second instead of five. */
    static String[] instance(String nodeId, String... more) {
        return Stream.concat(
                        Stream.of(
                                "--ordo.cluster.node-id=" + nodeId,
                                "--ordo.cluster.heartbeat-interval=500ms",
                                "--axon.eventhandling.processors.orders.token-claim-interval=1000",
                                "--axon.eventhandling.processors.customers.token-claim-interval=1000",
                                "--axon.eventhandling.processors.products.token-claim-interval=1000",
                                "--axon.eventhandling.processors.analytics.token-claim-interval=1000",
                                "--axon.eventhandling.processors.order-fulfilment.token-claim-interval=1000"),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    /** For each processor, how many segments each owner holds; unclaimed segments count under "none". */
    Map<String, Map<String, Integer>> owners() {
        Map<String, Map<String, Integer>> owners = new TreeMap<>();
        sql.query(
                "select processor_name, coalesce(owner, 'none') as owner, count(*) as segments from token_entry"
                        + " group by processor_name, coalesce(owner, 'none')",
                row -> {
                    owners.computeIfAbsent(row.getString("processor_name"), name -> new TreeMap<>())
                            .put(row.getString("owner"), row.getInt("segments"));
                });
        return owners;
    }

    /** Waits until every processor's segments are held as {@code expected} says, owner by owner. */
    void awaitEveryProcessorHeldAs(Map<String, Integer> expected, Duration atMost) {
        Map<String, Map<String, Integer>> wanted = new TreeMap<>();
        for (String processor : PROCESSORS) {
            wanted.put(processor, new TreeMap<>(expected));
        }
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(owners()).isEqualTo(wanted));
    }
}
