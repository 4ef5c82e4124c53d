package io.ordo.platform.projections;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives every processor a feature declared rewindable ({@link RewindableProcessor}, or {@link ProjectionTables}: what
 * an audit can rebuild may be rewound) transactions that do not force their commits to disk ({@link RelaxedCommits}). The processor of a processing group carries its name. {@code
 * ordo.processors.synchronous-commit=true} forces them again, as every other transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ordo.processors.synchronous-commit", havingValue = "false", matchIfMissing = true)
class RelaxedCommitsConfiguration {

    @Bean
    ConfigurerModule relaxedProcessorCommits(
            ObjectProvider<ProjectionTables> audited,
            ObjectProvider<RewindableProcessor> rewindable,
            DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return configurer -> configurer.eventProcessing(processing -> Stream.concat(
                        audited.orderedStream().map(ProjectionTables::processingGroup),
                        rewindable.orderedStream().map(RewindableProcessor::processingGroup))
                .distinct()
                .forEach(group -> processing.registerTransactionManager(
                        group, config -> new RelaxedCommits(config.getComponent(TransactionManager.class), jdbc))));
    }
}
