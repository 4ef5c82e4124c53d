package io.ordo.platform;

import io.ordo.platform.roles.CommandSide;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used aggregates in memory, so a command on an order or a product just handled does not read and
 * apply its events again: up to {@code ordo.aggregate-cache.size} of them (see {@link BoundedAggregateCache}); Axon
 * drops an entry when a command on it fails. Only right when this instance is the only writer: several instances on one database would
 * each keep stale copies and collide, so {@code ordo.aggregate-cache.enabled} is off in the {@code postgres} profile.
 * A query instance loads no aggregate and has no cache.
 */
@CommandSide
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    /** The name the aggregates' {@code @Aggregate(cache = "aggregateCache")} refer to. */
    static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(
            @Value("${ordo.aggregate-cache.enabled:true}") boolean enabled,
            @Value("${ordo.aggregate-cache.size:10000}") long size) {
        return enabled ? new BoundedAggregateCache(size) : NoCache.INSTANCE;
    }
}
