package io.ordo.platform.aggregates;

import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The If-Match rule every aggregate shares, written once: a command that names the version it expects is refused,
 * with nothing applied, when the aggregate has moved past it, before any rule is checked, as HTTP evaluates
 * preconditions first. Axon's repository notices the stale version on load but would only refuse it at commit, after
 * the handler ran; a version the aggregate has not reached it refuses on load. An aggregate extends this class to get
 * the rule; the class holds no state, so snapshots keep their shape.
 */
public abstract class VersionCheckedAggregate {

    @CommandHandlerInterceptor
    void requireExpectedVersion(ConflictResolver conflicts) {
        conflicts.detectConflicts(unseen -> !unseen.isEmpty(), ConflictingAggregateVersionException::new);
    }
}
