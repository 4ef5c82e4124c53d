package io.ordo.platform.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durable JDBC commits as a metric ({@link JdbcCommitMetrics}), when {@code ordo.metrics.jdbc-commits} is on. Off by
 * default: it puts a proxy between the service and every JDBC connection, which the benchmark wants and a production
 * instance need not pay for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ordo.metrics.jdbc-commits", havingValue = "true")
class JdbcMetricsConfiguration {

    /** Static: a bean post-processor is created before the other beans, so it must not need its configuration's. */
    @Bean
    static JdbcCommitMetrics jdbcCommitMetrics() {
        return new JdbcCommitMetrics();
    }
}
