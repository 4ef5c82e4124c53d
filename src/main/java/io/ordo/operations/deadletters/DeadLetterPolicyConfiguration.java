package io.ordo.operations.deadletters;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every processor with a dead-letter queue counts the failed retries of its letters (CountedRetries). */
@Configuration(proxyBeanMethods = false)
class DeadLetterPolicyConfiguration {

    @Bean
    ConfigurerModule countFailedRetries() {
        return configurer -> configurer.eventProcessing().registerDefaultDeadLetterPolicy(axon -> new CountedRetries());
    }
}
