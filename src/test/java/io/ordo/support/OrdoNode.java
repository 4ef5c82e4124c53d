package io.ordo.support;

import io.ordo.OrdoApplication;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * Starts an instance on the database at {@code jdbcUrl}; {@code args} are further command-line properties
     * ({@code --name=value}) and replace the defaults of the same name.
     */
    public static OrdoNode start(String name, String jdbcUrl, String... args) {
        return new OrdoNode(
                name, new SpringApplicationBuilder(OrdoApplication.class).run(commandLine(name, jdbcUrl, args)));
    }

    /**
     * The command line of an instance named {@code name} on the database at {@code jdbcUrl}, for this JVM or a
     * process of its own ({@link PackagedService}); {@code args} replace the defaults of the same name.
     */
    public static String[] commandLine(String name, String jdbcUrl, String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("ORDO_DB_URL", jdbcUrl);
        properties.put("ORDO_DB_USER", "postgres");
        properties.put("ORDO_DB_PASSWORD", "postgres");
        // the production profiles have no default passwords; HttpJson signs in with these
        properties.put("ORDO_ADMIN_PASSWORD", "admin");
        properties.put("ORDO_CLERK_PASSWORD", "clerk");
        // nor a webhook secret; PaymentProvider signs with this one
        properties.put("ORDO_PAYMENTS_WEBHOOK_SECRET", PaymentProvider.DEVELOPMENT_SECRET);
        // nor a ledger signing key
        properties.put("ORDO_INTEGRITY_SIGNING_KEY_PEM", LedgerTestKey.PRIVATE_KEY);
        properties.put("server.port", "0");
        properties.put("spring.application.name", "ordo-" + name);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            properties.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
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
