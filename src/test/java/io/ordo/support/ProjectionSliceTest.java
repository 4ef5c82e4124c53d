package io.ordo.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * A test of the projections against JPA on H2 ({@code @DataJpaTest}: each test in a transaction that is rolled back),
 * their handlers called directly, without Axon. Every projection of the service is in the one slice, so all the
 * projection tests share one application context instead of starting one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest
@Import(ProjectionSliceTest.Projections.class)
public @interface ProjectionSliceTest {

    /**
     * The projections, found by name because they are package-private to their features, and a real Axon update
     * emitter, which a JPA slice does not start.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = "io.ordo",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "io\\.ordo\\.[a-z]+\\.query\\.[A-Za-z]+Projection"))
    class Projections {

        @Bean
        QueryUpdateEmitter queryUpdateEmitter() {
            return SimpleQueryUpdateEmitter.builder().build();
        }
    }
}
