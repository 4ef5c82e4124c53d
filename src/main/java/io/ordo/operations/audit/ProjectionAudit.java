package io.ordo.operations.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit of one projection, running or finished.
 *
 * @param projection the processing group audited
 * @param status running, completed (the differences are the result) or failed ({@code failure} says why)
 * @param phase what a running audit does now; null once it finished
 * @param position the event store position both sides were compared at (the last one, after re-checks)
 * @param eventsReplayed events read from the store into the shadow tables
 * @param eventsFailed events whose handlers failed on the shadow tables as well (the live processor parks such an
 *     event, and the later ones of its aggregate, in its dead-letter queue): skipped, so their rows show as different
 * @param rowsRebuilt rows the shadow tables held when compared
 * @param differenceCount every difference found; {@code differences} lists the first ones, by table, owner and key
 * @param unsettledOwners aggregates whose rows still changed in the live tables after the last re-check: their rows
 *     could not be compared at one position, so they are not reported (0 on a quiet store)
 */
public record ProjectionAudit(
        String projection,
        Status status,
        Phase phase,
        Instant startedAt,
        Instant finishedAt,
        long position,
        long eventsReplayed,
        long eventsFailed,
        long rowsRebuilt,
        long differenceCount,
        long unsettledOwners,
        List<Difference> differences,
        String failure) {

    public ProjectionAudit {
        differences = List.copyOf(differences);
    }

    static ProjectionAudit running(String projection, Instant startedAt) {
        return new ProjectionAudit(
                projection, Status.RUNNING, Phase.REBUILDING, startedAt, null, -1, 0, 0, 0, 0, 0, List.of(), null);
    }

    ProjectionAudit progressed(Phase now, long at, long replayed, long failed) {
        return new ProjectionAudit(
                projection, status, now, startedAt, null, at, replayed, failed, 0, 0, 0, List.of(), null);
    }

    ProjectionAudit failed(Instant at, String why) {
        return new ProjectionAudit(
                projection,
                Status.FAILED,
                null,
                startedAt,
                at,
                position,
                eventsReplayed,
                eventsFailed,
                0,
                0,
                0,
                List.of(),
                why);
    }

    public enum Phase {
        /** Reading the events into the shadow tables. */
        REBUILDING,
        /** Waiting for the live processor to pass the position the shadow tables reached. */
        WAITING_FOR_LIVE,
        /** Comparing the tables. */
        COMPARING
    }

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }
}
