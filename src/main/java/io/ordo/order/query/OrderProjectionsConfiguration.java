package io.ordo.order.query;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderProjectionsConfiguration {

    /**
     * The projections park a failing order's events in a dead-letter queue (enabled per processor in
     * application.yml) and let every other order's events flow. A replay rebuilds everything, parked events included,
     * so it empties the queue first.
     */
    @Bean
    ConfigurerModule deadLettersClearedOnReplay() {
        return configurer -> configurer.eventProcessing(processing -> List.of(
                        OrderProjections.GROUP, OrderProjections.CUSTOMERS_GROUP)
                .forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (config, invoker) -> invoker.allowReset(true))));
    }
}
