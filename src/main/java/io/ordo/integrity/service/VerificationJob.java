package io.ordo.integrity.service;

import io.ordo.integrity.ledger.LedgerFailure;
import java.time.Instant;

/**
 * A full verification as clients see it: RUNNING with its progress, then PASSED, FAILED (with the first broken
 * ledger index and what is wrong there) or ERROR (it could not run to the end: the database failed).
 */
public record VerificationJob(
        String id,
        State state,
        Instant startedAt,
        Instant finishedAt,
        long verifiedLeaves,
        long ledgerSize,
        LedgerFailure failure,
        String error) {

    public enum State {
        RUNNING,
        PASSED,
        FAILED,
        ERROR
    }

    static VerificationJob started(String id, Instant at) {
        return new VerificationJob(id, State.RUNNING, at, null, 0, 0, null, null);
    }

    VerificationJob progressed(long verified, long size) {
        return new VerificationJob(id, state, startedAt, null, verified, size, null, null);
    }

    VerificationJob finished(LedgerFailure found, Instant at) {
        return new VerificationJob(
                id,
                found == null ? State.PASSED : State.FAILED,
                startedAt,
                at,
                verifiedLeaves,
                ledgerSize,
                found,
                null);
    }

    VerificationJob failed(String message, Instant at) {
        return new VerificationJob(id, State.ERROR, startedAt, at, verifiedLeaves, ledgerSize, null, message);
    }
}
