package io.ordo.platform.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Retries a command that lost a race: another instance appended to the same aggregate first, and the unique key on
 * (aggregate, sequence number) refused this one's events. The retry loads the aggregate again, with the winner's
 * events, so the command is decided anew: applied once, answered as a no-op, or refused by the rules. Nothing else is
 * retried. After {@code maxRetries} the conflict reaches the client as 409.
 *
 * <p>A {@link ConflictingAggregateVersionException} is never retried: the command itself named a version the aggregate
 * is not at (If-Match), and loading the aggregate again cannot change that; the client has to read again and decide.
 * Axon 4 does not make it a {@link ConcurrencyException}, but the rule is spelled out rather than left to that.
 *
 * <p>Waits grow from {@code firstWait} and carry random jitter, so two instances that collided do not collide again in
 * step.
 */
class ConflictRetryScheduler implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration firstWait;

    ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries, Duration firstWait) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.firstWait = firstWait;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        if (failures.size() > maxRetries || !isConflict(lastFailure) || executor.isShutdown()) {
            return false;
        }
        long base = firstWait.toMillis() << (failures.size() - 1);
        long wait = base + ThreadLocalRandom.current().nextLong(base + 1);
        executor.schedule(dispatchTask, wait, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return false;
            }
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
