package io.ordo.platform.roles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean of the query side: it exists only on instances whose {@link InstanceRole} runs the projections ({@code all},
 * {@code query}). On a projection it keeps both its event processor and its query handlers off a command instance; with
 * Axon Server such queries are routed to the query instances.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRoleCondition.class)
public @interface QuerySide {}
