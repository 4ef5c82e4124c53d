package io.ordo.support;

import io.ordo.OrdoApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Ordo instance with the {@code postgres} profile, in this JVM, on its own random HTTP port: what a deployment
 * runs several of behind a load balancer.
 */
public final class OrdoNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private OrdoNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts an instance on the database at {@code jdbcUrl}; {@code args} are further command-line properties. */
    public static OrdoNode start(String name, String jdbcUrl, String... args) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--ORDO_DB_URL=" + jdbcUrl,
                "--ORDO_DB_USER=postgres",
                "--ORDO_DB_PASSWORD=postgres",
                "--server.port=0",
                "--spring.application.name=ordo-" + name));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(OrdoApplication.class).run(arguments.toArray(String[]::new));
        return new OrdoNode(name, context);
    }

    public String name() {
        return name;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public HttpJson http() {
        return new HttpJson("http://localhost:" + port());
    }

    /** SQL through this instance's own connection pool. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(bean(DataSource.class));
    }

    public boolean isRunning() {
        return context.isRunning();
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
