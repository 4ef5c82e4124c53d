package io.ordo.fulfilment;

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
