package io.ordo.platform;

/**
 * Why a command was refused. It travels as the details of a {@code CommandExecutionException}, so the REST answer is
 * the same whether the command ran in this JVM or behind Axon Server. It names the reason only: the web layer decides
 * which HTTP status each reason is ({@link ProblemDetailsAdvice}), so the command side and the saga stay free of HTTP.
 */
public enum ErrorCategory {
    /** The input breaks a rule whatever the state of the target. */
    INVALID,
    /** The target does not exist. */
    NOT_FOUND,
    /** The target's current state forbids the command. */
    CONFLICT,
    /** The command was sent for a version of the target (If-Match) that it is not at. */
    PRECONDITION_FAILED
}
