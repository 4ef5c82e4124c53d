package io.ordo.fulfilment;

import io.ordo.platform.projections.RewindableProcessor;
import io.ordo.platform.roles.CommandSide;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@CommandSide
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
class FulfilmentConfiguration {

    /**
     * A crash may rewind the saga: its state, token and deadlines commit in one transaction with the commands it sent
     * (they run in its unit of work), so a rewind takes them back together, and the commands it then sends again are
     * idempotent (a product holds one reservation per order). Its commits need not be forced to disk.
     */
    @Bean
    RewindableProcessor fulfilmentMayBeRewound() {
        return new RewindableProcessor(OrderFulfilmentSaga.PROCESSING_GROUP);
    }

    /**
     * The saga's processor starts at the head of the event stream the first time it runs (and whenever its token is
     * lost): orders confirmed before fulfilment existed must not suddenly have stock reserved, and a saga must never
     * send its commands again for history.
     */
    @Bean
    ConfigurerModule fulfilmentReactsOnlyToNewEvents() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        OrderFulfilmentSaga.PROCESSING_GROUP,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)));
    }
}
