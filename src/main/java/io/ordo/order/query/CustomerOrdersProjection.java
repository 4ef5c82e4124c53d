package io.ordo.order.query;

import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.queries.CustomerOrdersView;
import io.ordo.order.api.queries.FindCustomerOrders;
import io.ordo.platform.projections.BatchedRows;
import io.ordo.platform.roles.QuerySide;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Orders per customer: how many, the first and the latest. */
@QuerySide
@Component
@ProcessingGroup(OrderProjections.CUSTOMERS_GROUP)
class CustomerOrdersProjection {

    private final CustomerOrdersRepository customerOrders;
    private final BatchedRows<CustomerOrderRow> rows;

    CustomerOrdersProjection(CustomerOrdersRepository customerOrders, JdbcTemplate jdbc) {
        this.customerOrders = customerOrders;
        this.rows = new BatchedRows<>(CustomerOrderRow.table(jdbc));
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        rows.insertIfAbsent(event.orderId(), () -> new CustomerOrderRow(event.orderId(), event.customerId(), at));
    }

    @ResetHandler
    void reset() {
        customerOrders.deleteAllInBatch();
    }

    @QueryHandler
    Optional<CustomerOrdersView> handle(FindCustomerOrders query) {
        return customerOrders.summarise(query.customerId());
    }
}
