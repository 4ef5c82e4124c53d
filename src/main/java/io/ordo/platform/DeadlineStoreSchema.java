package io.ordo.platform;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Creates db-scheduler's {@code scheduled_tasks} table when the service starts, if it is missing. Hibernate's schema
 * update knows only JPA entities, and this table is not one. The script for the database in use lives under
 * {@code db/scheduler/}; it is idempotent, so a schema managed by migrations elsewhere is left as it is.
 */
@Component
class DeadlineStoreSchema {

    private static final Logger log = LoggerFactory.getLogger(DeadlineStoreSchema.class);

    DeadlineStoreSchema(DataSource dataSource) throws Exception {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        ClassPathResource script = new ClassPathResource(
                "db/scheduler/" + DatabaseDriver.fromJdbcUrl(url).getId() + ".sql");
        if (!script.exists()) {
            log.warn("no {} for this database; create db-scheduler's scheduled_tasks table yourself", script);
            return;
        }
        DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(script), dataSource);
    }
}
