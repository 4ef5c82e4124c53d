package io.ordo.platform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreFailuresTest {

    @ParameterizedTest(name = "SQLState {0}: the event's own {1}")
    @CsvSource({
        "22001, true", // value too long for its column: the event's own fault
        "23505, true", // unique key
        "23502, true", // not null
        "08006, false", // connection failure
        "40001, false", // serialization failure
        "57P01, false" // the server shut down
    })
    void onlyDataTheStoreRefusesIsTheEventsOwnFault(String sqlState, boolean own) {
        Throwable failure = new PersistenceException("flush failed", new SQLException("from the driver", sqlState));

        assertThat(StoreFailures.isTheEventsOwn(failure)).isEqualTo(own);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"connection", "recoverable"})
    void theJdbcSubclassesOfPassingTroubleAreNotTheEvents(String kind) {
        SQLException sql = kind.equals("connection")
                ? new SQLTransientConnectionException("gone")
                : new SQLRecoverableException("reconnect");

        assertThat(StoreFailures.isTheEventsOwn(new PersistenceException(sql))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a handler's own exception"})
    void anExceptionWithoutADatabaseCauseIsTheEventsOwn(String what) {
        assertThat(StoreFailures.isTheEventsOwn(new IllegalArgumentException(what)))
                .isTrue();
    }
}
