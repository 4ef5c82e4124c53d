package io.ordo.platform.isolation;

import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Event handlers of the processors with a dead-letter queue park an event that cannot be stored; see the enhancer. */
@Configuration(proxyBeanMethods = false)
class IsolationConfiguration {

    @Bean
    SuspectEvents suspectEvents() {
        return new SuspectEvents();
    }

    @Bean
    IsolatingHandlerEnhancer isolatingHandlerEnhancer(
            EventProcessorProperties properties, SuspectEvents suspects, EntityManager entityManager) {
        Set<String> withDeadLetters = properties.getProcessors().entrySet().stream()
                .filter(processor -> processor.getValue().getDlq().isEnabled())
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new IsolatingHandlerEnhancer(withDeadLetters, suspects, entityManager);
    }
}
