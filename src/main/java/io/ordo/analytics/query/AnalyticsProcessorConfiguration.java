package io.ordo.analytics.query;

import io.ordo.platform.projections.RewindableProcessor;
import io.ordo.platform.roles.QuerySide;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@QuerySide
@Configuration(proxyBeanMethods = false)
class AnalyticsProcessorConfiguration {

    /**
     * The buckets are added to once per event in the batch that commits the token past it, so a crash that rewinds
     * both adds nothing twice: the processor's commits need not be forced to disk.
     */
    @Bean
    RewindableProcessor analyticsMayBeRewound() {
        return new RewindableProcessor(AnalyticsProjection.GROUP);
    }

    /**
     * The analytics processor starts from the first event of the store when it has no token: the first start of a
     * build with analytics on a store that already holds orders builds every figure from the whole log. (Axon calls
     * the oldest end of the stream its tail; it is Axon's default for this processor, named here so that no default
     * changed elsewhere can make it start at the newest end and miss the history.)
     */
    @Bean
    ConfigurerModule analyticsStartFromTheFirstEvent() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        AnalyticsProjection.GROUP,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)));
    }
}
