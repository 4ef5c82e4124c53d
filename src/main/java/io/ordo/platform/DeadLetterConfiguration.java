package io.ordo.platform;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /**
     * Processors with {@code dlq.enabled} park a failing event and every later event of its sequence, and let every
     * other sequence flow. A replay handles every event again anyway, so it empties their queue first. With
     * {@code dlq.cache.enabled} the invoker remembers which sequences are not parked, instead of asking the
     * dead-letter table before every event (the benchmark found that query, with the flush it forces, to be a third
     * of a projection's time).
     */
    @Bean
    ConfigurerModule deadLettersClearedOnReplay(EventProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> properties
                .getProcessors()
                .forEach((group, settings) -> {
                    if (settings.getDlq().isEnabled()) {
                        processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> {
                            // this replaces Axon's own configuration of the invoker, so it applies dlq.cache too
                            EventProcessorProperties.DlqCache cache =
                                    settings.getDlq().getCache();
                            if (cache != null && cache.isEnabled()) {
                                invoker.enableSequenceIdentifierCache().sequenceIdentifierCacheSize(cache.getSize());
                            }
                            return invoker.allowReset(true);
                        });
                    }
                }));
    }
}
