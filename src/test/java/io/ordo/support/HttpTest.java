package io.ordo.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that talks to the whole service over HTTP: the application on a random port with the {@code test} profile, a
 * {@link StorageSpy} on the store, and an {@link HttpJson} bean, a clerk's client of that port ({@code @Autowired
 * HttpJson http}). Spring caches a test context by its configuration, so every class that uses this annotation and
 * nothing else shares one running service; a class that needs other properties adds {@code @TestPropertySource} and
 * pays for a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability // Spring Boot tests leave metrics export off unless asked; SecurityTest scrapes Prometheus
@Import({HttpTest.Client.class, StorageSpy.class})
public @interface HttpTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Client {

        /** Lazy: the port is known only once the server has started, after the beans are created. */
        @Bean
        @Lazy
        HttpJson http(Environment environment) {
            return new HttpJson("http://localhost:" + environment.getRequiredProperty("local.server.port"));
        }
    }
}
