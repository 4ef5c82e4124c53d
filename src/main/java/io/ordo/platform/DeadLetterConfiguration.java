package io.ordo.platform;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /**
     * Processors with {@code dlq.enabled} park a failing event and every later event of its sequence, and let every
     * other sequence flow. A replay handles every event again anyway, so it empties their queue first.
     */
    @Bean
    ConfigurerModule deadLettersClearedOnReplay(EventProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> properties
                .getProcessors()
                .forEach((group, settings) -> {
                    if (settings.getDlq().isEnabled()) {
                        processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                                group, (config, invoker) -> invoker.allowReset(true));
                    }
                }));
    }
}
