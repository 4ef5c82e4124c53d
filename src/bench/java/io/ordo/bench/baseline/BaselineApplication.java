package io.ordo.bench.baseline;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The plain-Axon baseline the benchmark measures Ordo against: Axon Framework 4.13 on Spring Boot as its
 * auto-configuration builds it (a {@code SimpleCommandBus}, the JPA event store through Hibernate, an event-sourced
 * aggregate with no cache and no snapshots), one aggregate with two commands behind two HTTP endpoints, on the same
 * database as Ordo's default profile (an H2 file with {@code WRITE_DELAY=0}). No projection, no saga, no security, no
 * input checks beyond the aggregate's own rule: it shows what Axon's defaults cost on this store. The benchmark starts
 * it as a process of its own, like the service; its properties are all on the command line ({@link #arguments}), not
 * Ordo's {@code application.yml}, which is on the same classpath.
 */
@SpringBootApplication(
        excludeName = {
            // "no security": Spring Security is on the classpath for Ordo
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"
        })
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    /** Its properties: the data source, and what keeps Ordo's configuration on the classpath out of it. */
    public static List<String> arguments(String jdbcUrl, String user, String password) {
        return List.of(
                // not application.yml: that is Ordo's
                "--spring.config.name=baseline",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // Ordo's migrations are on the classpath; the baseline's tables are Hibernate's, as in Axon's samples
                "--spring.flyway.enabled=false",
                "--spring.jpa.hibernate.ddl-auto=update",
                "--spring.jpa.open-in-view=false",
                "--db-scheduler.enabled=false",
                "--axon.axonserver.enabled=false",
                "--axon.update-check.disabled=true",
                // XStream, Axon 4's fallback, warns that it is deprecated; Jackson is what Axon advises
                "--axon.serializer.general=jackson",
                "--axon.serializer.events=jackson",
                "--axon.serializer.messages=jackson",
                "--management.endpoints.web.exposure.include=health",
                "--logging.level.root=WARN");
    }
}
