package io.ordo.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler answers the aggregate's version as its ETag ({@link VersionTags#etag}), so the API description says so.
 * Handlers that take If-Match need not say it: {@link VersionTagDocumentation} knows that they answer one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VersionTagged {}
