package io.ordo.platform;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used aggregates in memory, so a command on an order or a product just handled does not read and
 * apply its events again. Entries are weakly held (the garbage collector drops them when it likes) and dropped when
 * a command on them fails. Only right when this instance is the only writer: several instances on one database would
 * each keep stale copies and collide, so {@code ordo.aggregate-cache.enabled} is off in the {@code postgres} profile.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    /** The name the aggregates' {@code @Aggregate(cache = "aggregateCache")} refer to. */
    static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${ordo.aggregate-cache.enabled:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
