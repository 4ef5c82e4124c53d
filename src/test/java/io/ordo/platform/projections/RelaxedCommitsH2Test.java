package io.ordo.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ordo.platform.storage.H2GroupCommits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On an H2 file with a write delay that never elapses during the test, behind the service's group commit: a
 * projection's transaction ({@link RelaxedCommits}) returns without waiting for a write, so a crash ({@code SHUTDOWN
 * IMMEDIATELY}) loses it, while the same transaction through the plain transaction manager is on disk.
 */
class RelaxedCommitsH2Test {

    @TempDir
    Path folder;

    private String url;
    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TransactionManager forced;
    private TransactionManager relaxed;

    @BeforeEach
    void store() {
        url = "jdbc:h2:file:" + folder.resolve("ordo").toAbsolutePath() + ";WRITE_DELAY=600000;DB_CLOSE_ON_EXIT=FALSE";
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("ordo");
        DataSource dataSource = groupCommitted(pool);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table projected (id int primary key)");
        forced = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        relaxed = new RelaxedCommits(forced, jdbc);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aRelaxedCommitIsLostInACrashAForcedOneIsNot() throws SQLException {
        insertIn(forced, 1);
        insertIn(relaxed, 2);

        crash();

        assertThat(storedIds()).containsExactly(1);
    }

    @Test
    void aRolledBackRelaxedTransactionLeavesTheNextCommitForced() throws SQLException {
        Transaction rolledBack = relaxed.startTransaction();
        jdbc.update("insert into projected (id) values (3)");
        rolledBack.rollback();
        insertIn(forced, 4);

        crash();

        assertThat(storedIds()).containsExactly(4);
    }

    private void insertIn(TransactionManager transactions, int id) {
        Transaction transaction = transactions.startTransaction();
        jdbc.update("insert into projected (id) values (?)", id);
        transaction.commit();
    }

    /** The data source as the service has it: the group commit's post-processor applied to the pool. */
    private static DataSource groupCommitted(HikariDataSource pool) {
        return (DataSource) new H2GroupCommits().postProcessAfterInitialization(pool, "dataSource");
    }

    private void crash() {
        try (Connection connection = pool.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("shutdown immediately");
        } catch (SQLException closedUnderIt) {
            // the connection that shut the database down may report it
        }
        pool.close();
    }

    private List<Integer> storedIds() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "ordo", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select id from projected order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
