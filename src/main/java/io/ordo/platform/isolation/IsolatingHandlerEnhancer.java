package io.ordo.platform.isolation;

import io.ordo.platform.projections.PendingWrites;
import io.ordo.platform.projections.ShadowTables;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets no single event stop a projection processor, even one whose rows fail only when the batch is flushed at
 * commit (a value too long for its column). Axon's dead-letter queue only parks what a handler throws, and a batch of
 * a hundred events is written in one transaction, so without this such an event fails the whole batch, which the
 * processor retries for ever.
 *
 * <p>Three steps, each one the next attempt at the same batch:
 *
 * <ol>
 *   <li>the fast path: a batch is handled in one transaction and written once at commit (JPA's flush, and the
 *       projections' rows held by {@link PendingWrites}). When that commit fails, every event the batch handled
 *       becomes a suspect;
 *   <li>a suspect is handled on its own: its writes are flushed right after its handler, inside the dead-letter
 *       invoker's call, so a failure is known to be this event's. It is remembered as poisoned, and the attempt still
 *       fails (Hibernate marks the transaction rollback-only after a failed flush, a batch of rows whose write failed
 *       refuses to commit, and PostgreSQL refuses every later statement of the transaction);
 *   <li>a poisoned event is not handled at all: its handler throws {@link EventNotStorable} at once, so the
 *       dead-letter queue parks its sequence (and every later event of it), and the rest of the batch commits.
 * </ol>
 *
 * <p>Why not a savepoint per suspect, which would park it in the second step: rolling back to a savepoint undoes the
 * database's side, but Hibernate has already marked the transaction rollback-only, which cannot be undone through
 * JPA, so the commit would fail anyway. And why not a flush after every event: it gives up JDBC batching for every
 * batch to protect the rare one that fails; here a good batch costs one resource lookup per handler call.
 *
 * <p>A dead-letter retry handles one event per transaction, so there every event is handled on its own: one that still
 * cannot be stored fails inside its handler and stays parked.
 *
 * <p>Only the event handlers of processing groups with a dead-letter queue are wrapped: elsewhere a failure has
 * nowhere to go. What was learnt is kept in memory ({@link SuspectEvents}); an instance that restarts in the middle
 * starts again at the first step.
 */
class IsolatingHandlerEnhancer implements HandlerEnhancerDefinition {

    private final Set<String> groupsWithDeadLetters;
    private final SuspectEvents suspects;
    private final EntityManager entityManager;

    IsolatingHandlerEnhancer(Set<String> groupsWithDeadLetters, SuspectEvents suspects, EntityManager entityManager) {
        this.groupsWithDeadLetters = Set.copyOf(groupsWithDeadLetters);
        this.suspects = suspects;
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        ProcessingGroup group =
                AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(), ProcessingGroup.class);
        if (group == null || !groupsWithDeadLetters.contains(group.value())) {
            return original;
        }
        return new Isolating<>(original, group.value());
    }

    private final class Isolating<T> extends WrappedMessageHandlingMember<T> {

        private final MessageHandlingMember<T> original;
        private final String group;
        private final String resourceKey;

        private Isolating(MessageHandlingMember<T> original, String group) {
            super(original);
            this.original = original;
            this.group = group;
            this.resourceKey = "ordo.isolation.handled[" + group + "]";
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted() || ShadowTables.active()) {
                // an audit's rebuild of shadow tables is no processor batch: what it learns must not steer the live one
                return original.handle(message, target);
            }
            String eventId = message.getIdentifier();
            handledInThisUnitOfWork(CurrentUnitOfWork.get()).add(eventId);
            Throwable poison = suspects.poisonOf(group, eventId).orElse(null);
            if (poison != null) {
                throw new EventNotStorable(poison);
            }
            if (!isolated(CurrentUnitOfWork.get(), eventId)) {
                return original.handle(message, target);
            }
            // whatever the events before this one left unwritten is theirs, not this event's
            flush(CurrentUnitOfWork.get());
            try {
                Object result = original.handle(message, target);
                flush(CurrentUnitOfWork.get());
                return result;
            } catch (RuntimeException failed) {
                if (StoreFailures.isTheEventsOwn(failed)) {
                    suspects.poisoned(group, eventId, failed);
                } // else: the store's trouble, not the event's; it stays a suspect and is tried again
                // the transaction is lost anyway; an empty session lets the rest of this attempt fail fast and clean
                entityManager.clear();
                PendingWrites.discard(CurrentUnitOfWork.get());
                throw failed;
            }
        }

        /** Writes what the handlers left for the commit: JPA's entities and the projections' batched rows. */
        private void flush(UnitOfWork<?> unitOfWork) {
            entityManager.flush();
            PendingWrites.flush(unitOfWork);
        }

        /**
         * A suspect is handled on its own; so is every event handled outside a processor's batch, which here means a
         * dead-letter retry: one event per transaction, so a flush costs nothing, and Axon's retry copes with a
         * handler that throws but not with a commit that fails.
         */
        private boolean isolated(UnitOfWork<?> unitOfWork, String eventId) {
            return TransactionSynchronizationManager.isActualTransactionActive()
                    && (!(unitOfWork.root() instanceof BatchingUnitOfWork<?>) || suspects.isSuspect(group, eventId));
        }

        /** The events this group handled in the unit of work, told to {@link SuspectEvents} when it ends. */
        private Set<String> handledInThisUnitOfWork(UnitOfWork<?> unitOfWork) {
            UnitOfWork<?> root = unitOfWork.root();
            return root.getOrComputeResource(resourceKey, key -> {
                Set<String> handled = new LinkedHashSet<>();
                root.onRollback(u -> suspects.batchFailed(group, handled));
                root.afterCommit(u -> suspects.batchCommitted(group, handled));
                return handled;
            });
        }
    }
}
