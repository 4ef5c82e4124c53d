package io.ordo.platform;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every message copies from the message that caused it, so any event can be traced to its request and to who
 * sent it.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    /** Metadata key of the authenticated principal: a user name, or {@code payment-provider} for the webhook. */
    static final String PRINCIPAL = "principal";

    /**
     * {@code correlationId}: the first message of the chain (e.g. the command an HTTP request sent);
     * {@code causationId}: the message that directly caused this one. Axon's defaults name these traceId and
     * correlationId; these are the names event-sourcing tools use.
     */
    @Bean
    CorrelationDataProvider correlationAndCausation() {
        return new MessageOriginProvider("causationId", "correlationId");
    }

    /**
     * The HTTP request id and the principal travel from a command to its events, and from those events to the
     * commands they cause: a command the fulfilment saga sends records who sent the command that started it all (the
     * clerk who confirmed, the provider whose payment arrived).
     */
    @Bean
    CorrelationDataProvider requestIdAndPrincipalPropagation() {
        return new SimpleCorrelationDataProvider(RequestIdFilter.KEY, PRINCIPAL);
    }
}
