package io.ordo.platform.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway as Axon's auto-configuration builds it, plus retries of commands that lost a race for an
 * aggregate to another instance ({@link ConflictRetryScheduler}). On one instance Axon's aggregate lock prevents such
 * races and nothing is retried.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetryConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "ordo-command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            ScheduledExecutorService commandRetryExecutor,
            @Value("${ordo.commands.conflict-retries:3}") int conflictRetries,
            @Value("${ordo.commands.conflict-retry-wait:20ms}") Duration firstWait) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(commandRetryExecutor, conflictRetries, firstWait))
                .build();
    }
}
