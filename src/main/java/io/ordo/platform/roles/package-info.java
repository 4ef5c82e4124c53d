/**
 * Instance roles ({@code ordo.role}): which side of CQRS an instance runs. Features declare the side of a bean with
 * {@link io.ordo.platform.roles.CommandSide} or {@link io.ordo.platform.roles.QuerySide} and mark their
 * command-sending HTTP handlers with {@link io.ordo.platform.roles.CommandEndpoint}; everything a role switches on or
 * off is decided here.
 */
package io.ordo.platform.roles;
