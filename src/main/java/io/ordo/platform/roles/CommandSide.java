package io.ordo.platform.roles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean of the command side: it exists only on instances whose {@link InstanceRole} takes commands ({@code all},
 * {@code command}). On an aggregate it keeps its command handlers off the command bus of a query instance (with Axon
 * Server: they never subscribe, so Axon Server routes no command there); on a saga it keeps the saga's processor off.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRoleCondition.class)
public @interface CommandSide {}
