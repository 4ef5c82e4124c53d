package io.ordo.platform.roles;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Checks {@code ordo.role} before anything starts, and turns off what a role must never run where a property, not a
 * bean of ours, decides it: a query instance runs no deadline scheduler (db-scheduler), since the saga whose deadlines
 * it would fire lives on the command instances. Put first, so no other setting turns it back on.
 */
class RoleEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        InstanceRole role = InstanceRole.of(environment);
        if (!role.runsCommandSide()) {
            environment
                    .getPropertySources()
                    .addFirst(
                            new MapPropertySource("ordo-role-" + role.value(), Map.of("db-scheduler.enabled", false)));
        }
    }
}
