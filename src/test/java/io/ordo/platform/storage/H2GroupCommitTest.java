package io.ordo.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit on a real H2 file whose background writer never runs during a test (a write delay of ten minutes):
 * what a crash ({@code SHUTDOWN IMMEDIATELY}: the files closed without writing what is pending, as a kill -9 leaves
 * them) keeps is what the commits forced to disk.
 */
class H2GroupCommitTest {

    @TempDir
    Path folder;

    private String url;
    private HikariDataSource pool;
    private DataSource dataSource;
    private final H2GroupCommits groupCommits = new H2GroupCommits();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void store() throws SQLException {
        url = "jdbc:h2:file:" + folder.resolve("ordo").toAbsolutePath() + ";WRITE_DELAY=600000;DB_CLOSE_ON_EXIT=FALSE";
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("ordo");
        pool.setMaximumPoolSize(8);
        dataSource = (DataSource) groupCommits.postProcessAfterInitialization(pool, "dataSource");
        groupCommits.bindTo(registry);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create table item (id int primary key)");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aDurableCommitIsOnDiskWhenItReturnsARelaxedOneMayNotBe() throws SQLException {
        insertInTransaction(1);
        CommitDurability.relax();
        try {
            insertInTransaction(2);
        } finally {
            CommitDurability.restore();
        }

        crash();

        assertThat(storedIds()).containsExactly(1);
    }

    @Test
    void aWriteInAutoCommitModeIsDurableToo() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, 7);
        }

        crash();

        assertThat(storedIds()).containsExactly(7);
    }

    @Test
    void concurrentCommitsAllSurviveAndShareTheWrites() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> commits = new ArrayList<>();
        for (int id = 100; id < 500; id++) {
            int row = id;
            commits.add(threads.submit(() -> {
                insertInTransaction(row);
                return null;
            }));
        }
        for (Future<?> commit : commits) {
            commit.get();
        }
        threads.shutdown();
        double stores = registry.get(H2GroupCommits.METRIC).functionCounter().count();

        crash();

        assertThat(storedIds()).hasSize(400);
        // one for the table, at most one per commit; fewer when commits returned while a write was running
        assertThat(stores).isBetween(2.0, 401.0);
    }

    @Test
    void onlyAnH2UrlWithAWriteDelayIsGrouped() {
        assertThat(H2GroupCommits.hasWriteDelay("jdbc:h2:file:./data/ordo;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(H2GroupCommits.hasWriteDelay("jdbc:h2:file:./data/ordo")).isTrue();
        assertThat(H2GroupCommits.hasWriteDelay("jdbc:h2:file:./data/ordo;write_delay=0"))
                .isFalse();
        assertThat(H2GroupCommits.hasWriteDelay("jdbc:h2:file:./data/ordo;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"))
                .isFalse();
        assertThat(H2GroupCommits.hasWriteDelay("jdbc:postgresql://localhost/ordo"))
                .isFalse();
        assertThat(H2GroupCommits.hasWriteDelay(null)).isFalse();
    }

    private void insertInTransaction(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, id);
            connection.commit();
        }
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into item (id) values (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }

    private void crash() throws SQLException {
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
                ResultSet rows = sql.executeQuery("select id from item order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
