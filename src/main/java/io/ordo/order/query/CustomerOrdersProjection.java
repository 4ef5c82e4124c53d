package io.ordo.order.query;

import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.queries.CustomerOrdersView;
import io.ordo.order.api.queries.FindCustomerOrders;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Orders per customer: how many, the first and the latest. */
@Component
@ProcessingGroup(OrderProjections.CUSTOMERS_GROUP)
class CustomerOrdersProjection {

    private final CustomerOrdersRepository customerOrders;

    CustomerOrdersProjection(CustomerOrdersRepository customerOrders) {
        this.customerOrders = customerOrders;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        // findById, not existsById: a query would make Hibernate flush and dirty-check every row of the batch
        if (customerOrders.findById(event.orderId()).isEmpty()) {
            customerOrders.save(new CustomerOrder(event.orderId(), event.customerId(), at));
        }
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
