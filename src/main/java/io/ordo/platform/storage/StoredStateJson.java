package io.ordo.platform.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Arrays;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Axon's Jackson serializer stores an aggregate's snapshot and a saga's entry: as exactly its fields, private ones
 * included, and never through a getter, so a method that computes something never becomes stored state. The rule is
 * given here, for every {@code @Aggregate}, every entity of one (an {@code @AggregateMember}, known by its own
 * event-sourcing handlers) and every {@code @Saga}, instead of as Jackson annotations on each class, and it
 * is the rule those annotations said: rows written before keep loading. Spring Boot installs every {@link Module} bean
 * in the application's {@code ObjectMapper}, which Axon's serializers use.
 */
@Configuration(proxyBeanMethods = false)
class StoredStateJson {

    /** Fields of any visibility, no getters; setters and creators as Jackson's defaults. */
    private static final JsonAutoDetect.Value FIELDS_ONLY = JsonAutoDetect.Value.construct(
            Visibility.ANY, Visibility.NONE, Visibility.NONE, Visibility.DEFAULT, Visibility.DEFAULT);

    @Bean
    Module aggregatesAndSagasAsTheirFields() {
        return new SimpleModule("ordo-stored-state") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
                    @Override
                    public VisibilityChecker<?> findAutoDetectVisibility(
                            AnnotatedClass type, VisibilityChecker<?> checker) {
                        return isStoredState(type.getRawType()) ? checker.withOverrides(FIELDS_ONLY) : checker;
                    }
                });
            }
        };
    }

    private static boolean isStoredState(Class<?> type) {
        // @Aggregate carries @AggregateRoot as a meta-annotation
        return AnnotationUtils.isAnnotationPresent(type, AggregateRoot.class)
                || type.isAnnotationPresent(Saga.class)
                || isAggregateMember(type);
    }

    private static boolean isAggregateMember(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .anyMatch(method -> AnnotationUtils.isAnnotationPresent(method, EventSourcingHandler.class));
    }
}
