package io.ordo.operations.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Axon's default decision (park the event, with its cause cut to a bounded length), plus how many retries of the
 * letter failed, kept in its diagnostics as {@value #RETRIES}: Axon itself counts none. The first failure finds no
 * count and parks the letter with 0; each failed retry finds the count and adds one.
 */
class CountedRetries implements EnqueuePolicy<EventMessage<?>> {

    static final String RETRIES = "retries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long retries = letter.diagnostics().containsKey(RETRIES) ? retriesOf(letter.diagnostics()) + 1 : 0;
        return Decisions.enqueue(
                ThrowableCause.truncated(cause), parked -> parked.diagnostics().and(RETRIES, retries));
    }

    /** The count as stored: the dead-letter table keeps diagnostics as JSON, so a number may come back as any. */
    static long retriesOf(MetaData diagnostics) {
        Object count = diagnostics.get(RETRIES);
        try {
            return count == null ? 0 : Long.parseLong(String.valueOf(count));
        } catch (NumberFormatException notACount) {
            return 0;
        }
    }
}
