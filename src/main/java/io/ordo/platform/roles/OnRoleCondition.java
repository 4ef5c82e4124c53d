package io.ordo.platform.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches a {@link CommandSide} or {@link QuerySide} bean against this instance's {@link InstanceRole}. */
class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        InstanceRole role = InstanceRole.of(context.getEnvironment());
        boolean commandSide = metadata.isAnnotated(CommandSide.class.getName());
        boolean querySide = metadata.isAnnotated(QuerySide.class.getName());
        return (!commandSide || role.runsCommandSide()) && (!querySide || role.runsQuerySide());
    }
}
