package io.ordo.platform.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long the event search takes on a store of 100,000 orders: run by hand, never by the build (docs/console.md#events):
 * {@code ./mvnw -B -q test -Dtest=EventSearchScaleCheck -Dordo.scale-check=true -Dspotless.check.skip=true}. It writes
 * 600,000 events of realistic shape and size (five per order over a week, and a stock reservation per order on three
 * products) straight into a fresh H2 file store made by the service's own migrations, then times each common search
 * (the median of several runs, after a warm-up) and prints the figures. It asserts nothing: timings on a shared machine
 * are not a test.
 */
@EnabledIfSystemProperty(named = "ordo.scale-check", matches = "true|h2|postgres")
class EventSearchScaleCheck {

    private static final int ORDERS = 100_000;
    private static final String[] ORDER_EVENTS = {
        "io.ordo.order.api.OrderPlaced",
        "io.ordo.order.api.OrderConfirmed",
        "io.ordo.order.api.OrderPaid",
        "io.ordo.order.api.OrderShipped",
        "io.ordo.order.api.OrderDelivered"
    };
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void searchesOnAHundredThousandOrders() throws Exception {
        boolean postgres = "postgres".equals(System.getProperty("ordo.scale-check"));
        DataSource data = postgres ? postgres() : h2();
        Flyway.configure()
                .dataSource(data)
                .locations(postgres ? "classpath:db/migration/postgresql" : "classpath:db/migration/h2")
                .load()
                .migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(data);
        if (jdbc.getJdbcTemplate().queryForObject("select count(*) from domain_event_entry", Long.class) == 0) {
            long loading = System.nanoTime();
            int events = load(data);
            System.out.printf("loaded %,d events in %,d ms%n", events, (System.nanoTime() - loading) / 1_000_000);
        }

        StoredEventSearch search = new StoredEventSearch(
                new NamedParameterJdbcTemplate(data),
                new EventSearchProperties(100, 10_000, 8_000),
                new ObjectMapper());
        Instant middle = START.plus(WEEK.dividedBy(2));
        time("no filter, newest 25", () -> search.search(criteria(null, null, null, null, null)));
        time("aggregate id", () -> search.search(criteria("order-54321", null, null, null, null)));
        time("type only, newest 25", () -> search.search(criteria(null, ORDER_EVENTS[3], null, null, null)));
        time(
                "type + 1 hour mid-week",
                () -> search.search(criteria(null, ORDER_EVENTS[3], null, middle, middle.plusSeconds(3600))));
        time(
                "type + 1 day mid-week",
                () -> search.search(criteria(null, ORDER_EVENTS[3], null, middle, middle.plus(Duration.ofDays(1)))));
        time("1 hour mid-week", () -> search.search(criteria(null, null, null, middle, middle.plusSeconds(3600))));
        time(
                "type + from a day before the end",
                () -> search.search(
                        criteria(null, ORDER_EVENTS[0], null, START.plus(WEEK).minus(Duration.ofDays(1)), null)));
        time("text found near the head", () -> search.search(criteria(null, null, "customer-99990", null, null)));
        time(
                "text not found (full bounded scan)",
                () -> search.search(criteria(null, null, "no-such-text", null, null)));
        time(
                "text + type + 1 hour",
                () -> search.search(criteria(null, ORDER_EVENTS[0], "lovelace", middle, middle.plusSeconds(3600))));
        time("known types (loose index scan)", search::payloadTypes);
    }

    /** An H2 file store kept between runs (delete target/scale-check to start afresh), open as in the service. */
    private static DataSource h2() {
        JdbcDataSource data = new JdbcDataSource();
        Path file = Path.of("target", "scale-check", "store", "ordo");
        data.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        data.setUser("ordo");
        return data;
    }

    /** A throwaway embedded PostgreSQL, as the integration tests use, with a connection kept for the whole run. */
    private static DataSource postgres() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        return new SingleConnectionDataSource(server.getPostgresDatabase().getConnection(), true);
    }

    private static EventSearch criteria(String aggregateId, String type, String text, Instant from, Instant to) {
        return new EventSearch(aggregateId, type, text, from, to, null, 25);
    }

    private static void time(String what, Supplier<?> search) {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            search.get();
        }
        long[] runs = new long[7];
        Object last = null;
        for (int run = 0; run < runs.length; run++) {
            long start = System.nanoTime();
            last = search.get();
            runs[run] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(runs);
        String found = last instanceof EventSearchPage page
                ? page.events().size() + " found, " + page.scanned() + " read"
                        + (page.stoppedEarly() ? ", stopped" : "")
                : String.valueOf(last).length() + " chars";
        System.out.printf("%-40s median %6.1f ms  max %6.1f ms  (%s)%n", what, runs[3] / 1e6, runs[6] / 1e6, found);
    }

    /** Orders in time order, each event a few seconds after the one before, as a busy shop would write them. */
    private static int load(DataSource data) throws Exception {
        String metaData = "{\"principal\":\"clerk\",\"correlationId\":\"%s\",\"causationId\":\"%s\"}";
        String placed = "{\"orderId\":\"%s\",\"customerId\":\"customer-%d\",\"currency\":\"EUR\",\"lines\":["
                + "{\"productId\":\"sku-1\",\"productName\":\"Mug\",\"quantity\":2,\"unitPrice\":9.50},"
                + "{\"productId\":\"sku-2\",\"productName\":\"Tea\",\"quantity\":1,\"unitPrice\":4.25}],"
                + "\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"street\":\"1 Main St\",\"postalCode\":\"1000\","
                + "\"city\":\"Brussels\",\"country\":\"BE\"},\"salesChannel\":\"web\"}";
        String later = "{\"orderId\":\"%s\",\"at\":\"2026-11-20T10:00:00Z\",\"reference\":\"%s\"}";
        String reserved =
                "{\"productId\":\"sku-%d\",\"orderId\":\"%s\",\"quantity\":2,\"available\":%d,\"reserved\":%d}";
        long[] productSequence = new long[3];
        long index = 0;
        long step = WEEK.toMillis() / (ORDERS * 6L);
        try (Connection connection = data.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index,"
                        + " aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int order = 0; order < ORDERS; order++) {
                String orderId = "order-" + order;
                String correlation = UUID.randomUUID().toString();
                for (int event = 0; event < ORDER_EVENTS.length; event++) {
                    String payload =
                            event == 0 ? placed.formatted(orderId, order) : later.formatted(orderId, UUID.randomUUID());
                    add(insert, ++index, orderId, event, "Order", ORDER_EVENTS[event], payload, metaData, correlation);
                    if (event == 0) {
                        int product = order % 3;
                        long sequence = ++productSequence[product];
                        add(
                                insert,
                                ++index,
                                "sku-" + product,
                                sequence,
                                "Product",
                                "io.ordo.inventory.api.StockReserved",
                                reserved.formatted(product, orderId, 1_000_000 - sequence, sequence),
                                metaData,
                                correlation);
                    }
                }
                if (order % 500 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return (int) index;
    }

    private static void add(
            PreparedStatement insert,
            long index,
            String aggregateId,
            long sequence,
            String type,
            String payloadType,
            String payload,
            String metaData,
            String correlation)
            throws Exception {
        long step = WEEK.toMillis() / (ORDERS * 6L);
        insert.setLong(1, index);
        insert.setString(2, aggregateId);
        insert.setLong(3, sequence);
        insert.setString(4, type);
        insert.setString(5, UUID.randomUUID().toString());
        insert.setString(6, DateTimeUtils.formatInstant(START.plusMillis(index * step)));
        insert.setString(7, payloadType);
        insert.setString(8, payloadType.endsWith("OrderPlaced") ? "2" : null);
        insert.setBytes(9, payload.getBytes(StandardCharsets.UTF_8));
        insert.setBytes(10, metaData.formatted(correlation, correlation).getBytes(StandardCharsets.UTF_8));
        insert.addBatch();
    }
}
