package io.ordo.platform.web;

/**
 * Names of the OpenAPI tags that more than one feature's controllers share. Such a tag is described once, in
 * {@link ApiDescription}; a controller names it with {@code @Tag(name = ...)} and no description, so that two copies of
 * the description can never disagree.
 */
public final class ApiTags {

    /** The order and the product as they were: both features serve their own history. */
    public static final String HISTORY = "History";

    private ApiTags() {}
}
