package io.ordo.operations.audit;

import io.ordo.platform.projections.ShadowTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the event store from its first event and hands each event to the live projection's own handlers, in units of
 * work marked for the shadow tables ({@link ShadowTables}): one transaction per batch, written at its commit through
 * the same batched rows as the live processor's. The stream stays open between calls, so a re-check goes on from where
 * the rebuild stopped.
 */
final class ShadowFeed implements AutoCloseable {

    /** How long to wait for an event that the head position says exists (one committing while it was read). */
    private static final int EVENT_WAIT_SECONDS = 5;

    private final BlockingStream<TrackedEventMessage<?>> stream;
    private final List<SimpleEventHandlerInvoker> invokers;
    private final TransactionTemplate transactions;
    private final int batchSize;
    // read by the thread that reports the audit's progress
    private volatile long replayed;
    private volatile long failed;
    private long reached = -1;
    private TrackingToken last;

    ShadowFeed(
            EventStore eventStore,
            List<SimpleEventHandlerInvoker> invokers,
            TransactionTemplate transactions,
            int batchSize) {
        this.invokers = List.copyOf(invokers);
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.stream = eventStore.openStream(null);
    }

    /**
     * Applies every event up to {@code position} to the shadow tables, and adds the aggregate of each one to
     * {@code touched} (when given): whose rows those events may have changed.
     */
    void applyUpTo(long position, Set<String> touched) throws InterruptedException {
        List<EventMessage<?>> batch = new ArrayList<>(batchSize);
        // until the position is reached an event is known to exist, so wait for it; after, take only what is there
        while (stream.hasNextAvailable(reached < position ? EVENT_WAIT_SECONDS : 0, TimeUnit.SECONDS)) {
            TrackedEventMessage<?> next = stream.peek().orElseThrow();
            long at = next.trackingToken().position().orElse(-1);
            if (at > position) {
                break;
            }
            batch.add(stream.nextAvailable());
            last = next.trackingToken();
            reached = Math.max(reached, at);
            if (touched != null && next instanceof DomainEventMessage<?> domain) {
                touched.add(domain.getAggregateIdentifier());
            }
            if (batch.size() == batchSize) {
                apply(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        apply(batch);
    }

    /**
     * Whether events below the position reached may still come: transactions that took an earlier index and had not
     * committed when the stream passed it (or never will: a rolled-back insert leaves such a gap for a while).
     */
    boolean hasGaps() {
        return last instanceof GapAwareTrackingToken gapAware
                && !gapAware.getGaps().isEmpty();
    }

    long replayed() {
        return replayed;
    }

    long failed() {
        return failed;
    }

    /**
     * Applies a batch in one transaction; if that fails, each of its events in one of its own, skipping those that
     * fail alone. Such an event is one the live processor parked in its dead-letter queue (with the later events of its
     * order), so the audit shows that order's rows as different instead of failing.
     */
    private void apply(List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            applyTogether(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                failed++;
                return;
            }
            long failedBefore = failed;
            batch.forEach(event -> apply(List.of(event)));
            if (failed - failedBefore == batch.size()) {
                throw batchFailed; // every event alone failed too: the store's trouble, not the events'
            }
            return;
        }
        replayed += batch.size();
    }

    private void applyTogether(List<EventMessage<?>> batch) {
        transactions.executeWithoutResult(transaction -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ShadowTables.redirect(unitOfWork);
            ResultMessage<Object> result = unitOfWork.executeWithResult(
                    () -> {
                        handle(unitOfWork.getMessage());
                        return null;
                    },
                    RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException(
                        "the projection's handlers failed on the shadow tables: "
                                + result.exceptionResult().getMessage(),
                        result.exceptionResult());
            }
        });
    }

    private void handle(EventMessage<?> event) throws Exception {
        for (SimpleEventHandlerInvoker invoker : invokers) {
            if (invoker.canHandleType(event.getPayloadType())) {
                for (EventMessageHandler handler : invoker.eventHandlers()) {
                    handler.handle(event);
                }
            }
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
