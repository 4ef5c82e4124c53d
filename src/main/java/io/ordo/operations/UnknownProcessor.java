package io.ordo.operations;

/** No event processor (or none with a dead-letter queue) of that name runs here. */
public class UnknownProcessor extends RuntimeException {

    UnknownProcessor(String what) {
        super(what);
    }
}
