package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares the order projections with the event store, straight in the database: every order placed in the event store
 * must have exactly one row in each projection, with the same customer and total, and no row may exist without its
 * event.
 */
final class ReadModelAudit {

    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    private final JdbcTemplate sql;
    private final String orderIdPrefix;

    ReadModelAudit(JdbcTemplate sql, String orderIdPrefix) {
        this.sql = sql;
        this.orderIdPrefix = orderIdPrefix;
    }

    /** Waits until all three projections hold what the event store holds, then checks the totals add up. */
    void awaitProjectionsMatchEventStore() {
        Map<String, Order> placed = placedInEventStore();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(orderSummaries()).as("order_summary").isEqualTo(placed);
            assertThat(orderDetails()).as("order_detail").isEqualTo(placed);
            assertThat(customerOrders()).as("customer_order").isEqualTo(customersOf(placed));
        });
        BigDecimal eventStoreTotal =
                placed.values().stream().map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sql.queryForObject(
                        "select coalesce(sum(total), 0) from order_summary where order_id like ?",
                        BigDecimal.class,
                        orderIdPrefix + "%"))
                .isEqualByComparingTo(eventStoreTotal);
        assertThat(sql.queryForObject(
                        "select coalesce(sum(total), 0) from order_detail where order_id like ?",
                        BigDecimal.class,
                        orderIdPrefix + "%"))
                .isEqualByComparingTo(eventStoreTotal);
    }

    /** The orders the event store says were placed, from the JSON payloads of their OrderPlaced events. */
    Map<String, Order> placedInEventStore() {
        return orders("""
                select aggregate_identifier as order_id,
                       convert_from(payload, 'UTF8')::jsonb ->> 'customerId' as customer_id,
                       (convert_from(payload, 'UTF8')::jsonb ->> 'total')::numeric as total
                from domain_event_entry
                where payload_type = 'io.ordo.order.api.OrderPlaced' and aggregate_identifier like ?
                """);
    }

    private Map<String, Order> orderSummaries() {
        return orders("select order_id, customer_id, total from order_summary where order_id like ?");
    }

    private Map<String, Order> orderDetails() {
        return orders("select order_id, customer_id, total from order_detail where order_id like ?");
    }

    private Map<String, String> customerOrders() {
        Map<String, String> customers = new HashMap<>();
        sql.query(
                "select order_id, customer_id from customer_order where order_id like ?",
                row -> {
                    customers.put(row.getString("order_id"), row.getString("customer_id"));
                },
                orderIdPrefix + "%");
        return customers;
    }

    private Map<String, Order> orders(String query) {
        List<Order> rows = sql.query(
                query,
                (row, i) -> new Order(
                        row.getString("order_id"),
                        row.getString("customer_id"),
                        row.getBigDecimal("total").stripTrailingZeros()),
                orderIdPrefix + "%");
        Map<String, Order> byId = new HashMap<>();
        rows.forEach(order -> assertThat(byId.put(order.orderId(), order))
                .as("%s appears once", order.orderId())
                .isNull());
        return byId;
    }

    private static Map<String, String> customersOf(Map<String, Order> orders) {
        Map<String, String> customers = new HashMap<>();
        orders.values().forEach(order -> customers.put(order.orderId(), order.customerId()));
        return customers;
    }

    record Order(String orderId, String customerId, BigDecimal total) {}
}
