package io.ordo.platform.roles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP handler (a controller, or one of its methods) that changes aggregates by sending commands. A query instance
 * refuses it before it runs ({@link CommandRefusalFilter}). Operations on the projections' own processors (replay,
 * dead letters) are not commands and stay where the processors run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandEndpoint {}
