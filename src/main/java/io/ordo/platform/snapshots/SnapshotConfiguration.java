package io.ordo.platform.snapshots;

import io.ordo.platform.roles.CommandSide;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Snapshots of the Order and Product aggregates. An aggregate names the trigger in its {@code @Aggregate} annotation
 * ({@value #TRIGGER}) and its snapshot revision with {@code @Revision}; Axon then skips any snapshot of another revision
 * (its default {@code RevisionSnapshotFilter}) and loads that aggregate from its events instead. Snapshots are taken
 * after the command's transaction commits, on the {@link SnapshotExecutor}'s thread, in a transaction of their own, and
 * serialized by the general serializer (Jackson), so the aggregates' state must be Jackson-readable.
 * Only where aggregates are loaded: a query instance ({@link CommandSide}) has none.
 */
@CommandSide
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    /** The bean name aggregates give as {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    static final String TRIGGER = "snapshotTrigger";

    @Bean
    SnapshotExecutor snapshotExecutor() {
        return new SnapshotExecutor();
    }

    /** Axon's Spring snapshotter, as its auto-configuration would build it, but on the executor above. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            Configuration axon,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            SnapshotExecutor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor.executor())
                .build();
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
