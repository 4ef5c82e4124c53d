package io.ordo.support;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;

/**
 * For tests of the axonserver profile where no Axon Server runs: a pooled processor asks the event store for its
 * tail (the fulfilment saga for its head, the analytics explicitly for its tail) when it first starts, which would fail; this starts them at the beginning
 * instead, and leaves the rest of the wiring as it is. Deliberately not a {@code @Configuration}: component scanning
 * would then add it to every test context, where its default processor configuration would replace the application's.
 */
public class AxonServerUnreachable {

    @Bean
    ConfigurerModule startProcessorsWithoutAskingTheServer() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessorConfiguration(
                                (config, builder) -> builder.initialToken(source -> null))
                        .registerPooledStreamingEventProcessorConfiguration(
                                "order-fulfilment", (config, builder) -> builder.initialToken(source -> null))
                        // the analytics name their initial token too (the tail: an existing store's history)
                        .registerPooledStreamingEventProcessorConfiguration(
                                "analytics", (config, builder) -> builder.initialToken(source -> null)));
            }

            @Override
            public int order() {
                // after the application's own modules, so these initial tokens win
                return Integer.MAX_VALUE;
            }
        };
    }
}
