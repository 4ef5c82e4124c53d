package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler retries = new ConflictRetryScheduler(executor, 3, Duration.ofMillis(1));
    private final List<Class<? extends Throwable>[]> failures = new ArrayList<>();
    private final AtomicInteger dispatched = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void retriesACommandThatLostTheRaceForItsAggregate() {
        assertThat(fail(new ConcurrencyException("sequence 3 of order-1 was taken")))
                .isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatched.get() == 1);
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfRetries() {
        assertThat(fail(new ConcurrencyException("1"))).isTrue();
        assertThat(fail(new ConcurrencyException("2"))).isTrue();
        assertThat(fail(new ConcurrencyException("3"))).isTrue();
        assertThat(fail(new ConcurrencyException("4"))).isFalse();
    }

    @Test
    void neverRetriesWhatTheRulesRefusedOrADuplicateCreation() {
        assertThat(fail(new CommandExecutionException("order-1 is SHIPPED", null)))
                .isFalse();
        assertThat(fail(new AggregateStreamCreationException("order-1 exists"))).isFalse();
        assertThat(fail(new IllegalStateException("anything else"))).isFalse();
    }

    private boolean fail(RuntimeException failure) {
        @SuppressWarnings("unchecked")
        Class<? extends Throwable>[] chain = new Class[] {failure.getClass()};
        failures.add(chain);
        return retries.scheduleRetry(
                GenericCommandMessage.asCommandMessage("a command"), failure, failures, dispatched::incrementAndGet);
    }
}
