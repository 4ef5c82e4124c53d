package io.ordo.order.query;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real Axon update emitter for JPA slices, which do not start Axon. It is top-level, not nested in a test class, so
 * that a test class and its {@code @Nested} classes resolve to the same application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class QueryUpdateEmitterConfiguration {

    @Bean
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }
}
