package io.ordo.platform.roles;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * What this instance does ({@code ordo.role}, environment variable {@code ORDO_ROLE}): {@code all} (the default) takes
 * commands and runs the projections; a {@code command} instance takes commands and runs the fulfilment saga and its
 * deadlines; a {@code query} instance runs the projections, answers reads and refuses commands. Several query
 * instances share the projections' segments, so the read side grows by adding them while the command side stays.
 */
public enum InstanceRole {
    ALL,
    COMMAND,
    QUERY;

    /** The property that names the role. */
    public static final String PROPERTY = "ordo.role";

    /** Aggregates (command handlers), the saga, deadlines and snapshots. */
    public boolean runsCommandSide() {
        return this != QUERY;
    }

    /** The projections' event processors and the query handlers that read them. */
    public boolean runsQuerySide() {
        return this != COMMAND;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The configured role; an unknown one stops the instance rather than leaving it half of something. */
    public static InstanceRole of(Environment environment) {
        String configured = environment.getProperty(PROPERTY, ALL.value()).trim();
        return Arrays.stream(values())
                .filter(role -> role.value().equalsIgnoreCase(configured))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        PROPERTY + " must be one of all, command, query; it is '" + configured + "'"));
    }
}
