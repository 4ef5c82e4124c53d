package io.ordo.platform.roles;

import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * On a command instance, a read of a projection finds no query handler here: the projections run on the query
 * instances. With Axon Server the query is routed to them and this never happens; on a shared database alone the read
 * is answered 421 Misdirected Request, as a query instance answers a command ({@link CommandRefusalFilter}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
@Conditional(ReadsElsewhere.OnCommandInstance.class)
class ReadsElsewhere {

    @ExceptionHandler(NoHandlerForQueryException.class)
    ProblemDetail readsAreServedByQueryInstances() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(CommandRefusalFilter.STATUS),
                "this instance takes commands only (" + InstanceRole.PROPERTY + "=" + InstanceRole.COMMAND.value()
                        + "); read from an instance whose role is query or all");
        problem.setTitle("Misdirected Request");
        problem.setProperty("role", InstanceRole.COMMAND.value());
        return problem;
    }

    static class OnCommandInstance implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InstanceRole.of(context.getEnvironment()) == InstanceRole.COMMAND;
        }
    }
}
