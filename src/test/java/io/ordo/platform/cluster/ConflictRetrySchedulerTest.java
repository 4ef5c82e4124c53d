package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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

    @Test
    void neverRetriesACommandSentForAVersionTheAggregateIsNotAt() {
        ConflictingAggregateVersionException mismatch = new ConflictingAggregateVersionException("order-1", 3, 5);

        assertThat(fail(mismatch)).isFalse();
        assertThat(fail(new CommandExecutionException(mismatch.getMessage(), mismatch)))
                .isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void theGatewaySendsACommandForAnotherVersionOnceButRetriesALostRace() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        CommandGateway gateway = new CommandRetryConfiguration().commandGateway(bus, executor, 3, Duration.ofMillis(1));
        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger races = new AtomicInteger();
        bus.subscribe(String.class.getName(), command -> {
            mismatches.incrementAndGet();
            throw new ConflictingAggregateVersionException("order-1", 3, 5);
        });
        bus.subscribe(Integer.class.getName(), command -> {
            races.incrementAndGet();
            throw new ConcurrencyException("sequence 6 of order-1 was taken");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("change order-1 at version 3"))
                .isInstanceOf(ConflictingAggregateVersionException.class);
        assertThatThrownBy(() -> gateway.sendAndWait(42)).isInstanceOf(ConcurrencyException.class);

        assertThat(mismatches).hasValue(1);
        assertThat(races).hasValue(4);
    }

    private boolean fail(RuntimeException failure) {
        @SuppressWarnings("unchecked")
        Class<? extends Throwable>[] chain = new Class[] {failure.getClass()};
        failures.add(chain);
        return retries.scheduleRetry(
                GenericCommandMessage.asCommandMessage("a command"), failure, failures, dispatched::incrementAndGet);
    }
}
