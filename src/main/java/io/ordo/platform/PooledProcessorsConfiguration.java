package io.ordo.platform;

import io.ordo.platform.storage.EventArrivals;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every pooled processor gets beyond its properties: it reads the event store through a
 * {@link PromptEventSource}, and every {@link PooledStreamingProcessorConfiguration} bean (the cluster's fair share of
 * segments, for one) is applied to it. Axon keeps one such default per application, so they are combined here.
 */
@Configuration(proxyBeanMethods = false)
class PooledProcessorsConfiguration {

    /**
     * The wake-up calls run on a thread of their own, deliberately not a bean: a {@code ScheduledExecutorService} bean
     * would also become the scheduler of every {@code @Scheduled} method.
     */
    @Bean
    ConfigurerModule pooledProcessors(
            ObjectProvider<PooledStreamingProcessorConfiguration> more,
            ObjectProvider<EventArrivals> arrivals,
            @Value("${ordo.processors.wake-up-interval:1s}") Duration wakeUpInterval) {
        return configurer -> {
            ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ordo-processor-wake-ups");
                thread.setDaemon(true);
                return thread;
            });
            configurer.onShutdown(wakeUps::shutdownNow);
            PooledStreamingProcessorConfiguration prompt =
                    (config, builder) -> builder.messageSource(new PromptEventSource(
                            config.eventStore(), arrivals.getIfAvailable(EventArrivals::new), wakeUps, wakeUpInterval));
            PooledStreamingProcessorConfiguration all =
                    more.orderedStream().reduce(prompt, (first, next) -> first.andThen(next));
            configurer.eventProcessing(
                    processing -> processing.registerPooledStreamingEventProcessorConfiguration(all));
        };
    }
}
