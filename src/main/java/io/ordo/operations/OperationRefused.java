package io.ordo.operations;

/** An operation that cannot be done now, with a sentence an operator can act on (shown as it is). */
public class OperationRefused extends RuntimeException {

    OperationRefused(String message) {
        super(message);
    }
}
