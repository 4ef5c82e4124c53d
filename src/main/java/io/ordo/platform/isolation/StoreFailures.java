package io.ordo.platform.isolation;

import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Tells an event's own fault from the store's trouble. Only the first may poison an event: a value too long for its
 * column or a broken constraint is the event's, but a lost connection, a lock time-out or a server shutting down
 * during a suspect's flush says nothing about the event, and parking it would take a good event out of its projection
 * because the database was briefly away. Spring's translator classifies by the JDBC exception's subclass and its
 * SQLState, whatever the vendor.
 */
final class StoreFailures {

    private static final SQLExceptionSubclassTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

    private StoreFailures() {}

    /** Whether the failure is the event's own: an exception of its handler, or data the store refuses to hold. */
    static boolean isTheEventsOwn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return TRANSLATOR.translate("flush", null, sql) instanceof DataIntegrityViolationException;
            }
        }
        return true;
    }
}
