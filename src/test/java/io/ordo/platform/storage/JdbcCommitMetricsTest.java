package io.ordo.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcCommitMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DataSource dataSource;

    @BeforeEach
    void counted() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:commits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcCommitMetrics metrics = new JdbcCommitMetrics();
        dataSource = (DataSource) metrics.postProcessAfterInitialization(h2, "dataSource");
        metrics.bindTo(registry);
        try (Connection connection = h2.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create table item (id int primary key)");
        }
    }

    @Test
    void aTransactionThatWroteIsOneCommitHoweverManyStatementsItRan() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, 1);
            insert(connection, 2);
            connection.commit();
        }

        assertThat(commits()).isEqualTo(1);
    }

    @Test
    void readsAndRolledBackWritesAreNoCommit() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection
                    .prepareStatement("select count(*) from item")
                    .executeQuery()
                    .close();
            connection.commit();
            insert(connection, 1);
            connection.rollback();
            connection.commit();
        }

        assertThat(commits()).isZero();
    }

    @Test
    void inAutoCommitModeEachWritingExecutionIsACommit() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            insert(connection, 1);
            insert(connection, 2);
            sql.executeUpdate("delete from item where id = 1");
            sql.executeQuery("select * from item").close();
        }

        assertThat(commits()).isEqualTo(3);
    }

    @Test
    void switchingAutoCommitBackOnCommitsWhatWasWritten() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, 1);
            connection.setAutoCommit(true);
        }

        assertThat(commits()).isEqualTo(1);
    }

    @Test
    void theCountedDataSourceStillUnwrapsToThePool() throws SQLException {
        assertThat(dataSource.isWrapperFor(JdbcDataSource.class)).isTrue();
        assertThat(dataSource.unwrap(JdbcDataSource.class)).isInstanceOf(JdbcDataSource.class);
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into item (id) values (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }

    private double commits() {
        return registry.get(JdbcCommitMetrics.METRIC)
                .tag("datasource", "dataSource")
                .functionCounter()
                .count();
    }
}
