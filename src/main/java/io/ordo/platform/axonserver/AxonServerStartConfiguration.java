package io.ordo.platform.axonserver;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Whenever Axon Server is enabled (the axonserver profile), an instance starts only once it is connected. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AxonServerStartProperties.class)
class AxonServerStartConfiguration {

    @Bean
    AxonServerAtStart axonServerAtStart(
            AxonServerConnectionManager connections,
            AxonServerConfiguration axonServer,
            AxonServerStartProperties properties) {
        return new AxonServerAtStart(connections, axonServer, properties);
    }
}
