package io.ordo.platform.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Durable JDBC commits as a metric ({@link JdbcCommitMetrics}), on every profile. */
@Configuration(proxyBeanMethods = false)
class JdbcMetricsConfiguration {

    /** Static: a bean post-processor is created before the other beans, so it must not need its configuration's. */
    @Bean
    static JdbcCommitMetrics jdbcCommitMetrics() {
        return new JdbcCommitMetrics();
    }
}
