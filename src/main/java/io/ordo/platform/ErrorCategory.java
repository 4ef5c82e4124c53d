package io.ordo.platform;

import org.springframework.http.HttpStatus;

/**
 * Why a command was refused. It travels as the details of a {@code CommandExecutionException}, so the REST answer is
 * the same whether the command ran in this JVM or behind Axon Server.
 */
public enum ErrorCategory {
    /** The input breaks a rule whatever the state of the target. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** The target does not exist. */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The target's current state forbids the command. */
    CONFLICT(HttpStatus.CONFLICT),
    /** The command was sent for a version of the target (If-Match) that it is not at. */
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED);

    private final HttpStatus status;

    ErrorCategory(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
