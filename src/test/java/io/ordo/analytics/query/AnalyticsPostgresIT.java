package io.ordo.analytics.query;

import io.ordo.support.EmbeddedPostgresExtension;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics figures on PostgreSQL (the postgres profile's database): the same SQL as on H2 must give the same
 * figures, on one database migrated by the service's own migrations and emptied by the projection's reset before each
 * test.
 */
class AnalyticsPostgresIT extends AnalyticsFiguresContract {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        String url = POSTGRES.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        jdbc = POSTGRES.jdbc(url);
    }

    @BeforeEach
    void emptyProjection() {
        projection =
                new AnalyticsProjection(jdbc, SimpleQueryUpdateEmitter.builder().build());
        projection.reset();
    }
}
