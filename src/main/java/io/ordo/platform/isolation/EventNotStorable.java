package io.ordo.platform.isolation;

/**
 * Why an event was parked without being handled again: handled on its own, its writes failed (a value too long for a
 * column, a constraint). The message is bounded because the dead-letter queue stores it in a column of 1023.
 */
class EventNotStorable extends RuntimeException {

    private static final int MAX_MESSAGE = 500;

    EventNotStorable(Throwable cause) {
        super(bounded("its writes could not be stored: " + rootMessage(cause)), cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
