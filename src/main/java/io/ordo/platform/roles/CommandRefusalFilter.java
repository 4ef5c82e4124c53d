package io.ordo.platform.roles;

import io.ordo.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * On a query instance, refuses every request to a {@link CommandEndpoint} with {@value #STATUS} Misdirected Request,
 * before its body is read, its credentials are checked or an {@code Idempotency-Key} is claimed: nothing is written,
 * and a retry with the same key at a command instance runs as the first request.
 *
 * <p>Why 421 (RFC 9110, 15.5.20): the request is valid and would succeed, but this server is not the one that answers
 * it, which is what 421 says ("directed at a server that is unable or unwilling to produce an authoritative response").
 * 403 would read as missing permission, 405 as a resource without that method (it needs an {@code Allow} header, and
 * the same method works elsewhere), 503 as a passing outage worth retrying here. A 421 points at the routing: the load
 * balancer in front sent a command where only reads are served. Reads (GET, HEAD) are never refused. A query
 * instance's served API description lists the 421 on these operations (platform/web's InstanceRoleDocumentation).
 */
@Component
@Conditional(CommandRefusalFilter.OnQueryInstance.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class CommandRefusalFilter extends OncePerRequestFilter {

    static final int STATUS = 421;

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private final ProblemWriter problems;

    CommandRefusalFilter(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers,
            ProblemWriter problems) {
        this.handlers = handlers;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sendsCommands(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(STATUS),
                "this instance serves reads only (" + InstanceRole.PROPERTY + "=" + InstanceRole.QUERY.value()
                        + "); send commands to an instance whose role is command or all");
        problem.setTitle("Misdirected Request");
        problem.setProperty("role", InstanceRole.QUERY.value());
        problems.write(response, problem);
    }

    /** Whether Spring MVC would hand the request to a {@link CommandEndpoint}; asked the way its dispatcher asks. */
    private boolean sendsCommands(HttpServletRequest request) {
        RequestPath before = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = handlers.getObject().getHandler(request);
            return chain != null
                    && chain.getHandler() instanceof HandlerMethod method
                    && CommandEndpoints.sendsCommands(method);
        } catch (Exception e) {
            // no endpoint takes this path and method: the dispatcher answers it as it answers everywhere
            return false;
        } finally {
            if (before == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(before, request);
            }
        }
    }

    static class OnQueryInstance implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InstanceRole.of(context.getEnvironment()) == InstanceRole.QUERY;
        }
    }
}
