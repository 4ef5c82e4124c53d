package io.ordo.order.query;

import io.ordo.order.api.CustomerOrdersView;
import io.ordo.order.api.FindCustomerOrders;
import io.ordo.order.api.OrderPlaced;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Orders per customer. Its processor sequences events by customer, so one customer's orders are counted in order. */
@Component
@ProcessingGroup(OrderProjections.CUSTOMERS_GROUP)
class CustomerOrdersProjection {

    private final CustomerOrdersRepository customers;

    CustomerOrdersProjection(CustomerOrdersRepository customers) {
        this.customers = customers;
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at, TrackingToken token) {
        CustomerOrders customer =
                customers.findById(event.customerId()).orElseGet(() -> new CustomerOrders(event.customerId()));
        customer.orderPlaced(at, token.position().orElseThrow());
        customers.save(customer);
    }

    @ResetHandler
    void reset() {
        customers.deleteAllInBatch();
    }

    @QueryHandler
    Optional<CustomerOrdersView> handle(FindCustomerOrders query) {
        return customers.findById(query.customerId()).map(CustomerOrders::toView);
    }
}
