package io.ordo.platform.cluster;

import io.ordo.platform.roles.InstanceRole;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances on one database. Each claims processor segments under its own node id, and with
 * {@code ordo.cluster.balance-segments} (on in the {@code postgres} profile) they divide the segments evenly. Axon
 * Server balances segments itself, so balancing stays off whenever it is enabled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    /** Axon's JPA token store as its auto-configuration builds it, but claiming under {@code ordo.cluster.node-id}. */
    @Bean
    @ConditionalOnProperty("ordo.cluster.node-id")
    TokenStore tokenStore(
            @Qualifier("serializer") Serializer serializer,
            EntityManagerProvider entityManagerProvider,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            ClusterProperties cluster) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(cluster.effectiveNodeId())
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${ordo.cluster.balance-segments:false} and !${axon.axonserver.enabled:true}")
    static class SegmentBalancing {

        @Bean
        ClusterMembership clusterMembership(
                DataSource dataSource,
                ClusterProperties cluster,
                Environment environment,
                @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
            return new ClusterMembership(
                    new JdbcTemplate(dataSource),
                    cluster.effectiveNodeId(),
                    InstanceRole.of(environment).value(),
                    cluster.heartbeatInterval(),
                    claimTimeout);
        }

        @Bean
        FairShareOfSegments fairShareOfSegments(
                ClusterMembership membership, TokenStore tokenStore, TransactionManager transactionManager) {
            return new FairShareOfSegments(membership, tokenStore, transactionManager);
        }

        /**
         * Every pooled processor claims at most its fair share. Its coordinator also extends the claims of segments
         * busy with a long batch, so a slow batch never looks like a dead instance to the others.
         */
        @Bean
        PooledStreamingProcessorConfiguration claimAFairShareOfSegments(FairShareOfSegments fairShare) {
            return (config, builder) -> builder.maxSegmentProvider(fairShare).enableCoordinatorClaimExtension();
        }
    }
}
