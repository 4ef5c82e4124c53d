package io.ordo.order.query;

import io.ordo.order.api.OrderPlaced;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.PropertySequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomerOrdersSequencing {

    /** Named in {@code axon.eventhandling.processors.customers.sequencing-policy}. */
    @Bean
    SequencingPolicy<EventMessage> customerSequencingPolicy() {
        return PropertySequencingPolicy.builder(OrderPlaced.class, String.class)
                .propertyExtractor(OrderPlaced::customerId)
                .fallbackSequencingPolicy(SequentialPerAggregatePolicy.instance())
                .build();
    }
}
