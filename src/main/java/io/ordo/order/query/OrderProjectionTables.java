package io.ordo.order.query;

import io.ordo.platform.projections.ProjectionTables;
import io.ordo.platform.projections.ProjectionTables.Table;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tables of the order read models, by processing group, for the projection audit. */
@Configuration(proxyBeanMethods = false)
class OrderProjectionTables {

    @Bean
    ProjectionTables orderTables() {
        return new ProjectionTables(
                OrderProjections.GROUP,
                List.of(
                        new Table("order_summary", List.of("order_id"), "order_id"),
                        new Table("order_detail", List.of("order_id"), "order_id"),
                        new Table(OrderDetailRows.LINES, List.of("order_id", "position"), "order_id")));
    }

    @Bean
    ProjectionTables customerOrderTables() {
        return new ProjectionTables(
                OrderProjections.CUSTOMERS_GROUP,
                List.of(new Table("customer_order", List.of("order_id"), "order_id")));
    }
}
