package io.ordo.platform.web;

import io.ordo.platform.roles.CommandEndpoints;
import io.ordo.platform.roles.InstanceRole;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What an instance with a role ({@code ordo.role}) serves as its API description beyond the default role's: a query
 * instance lists 421 on every command endpoint, which it refuses; a command instance lists it on every read, since a
 * read of a projection is answered by the query instances only (the platform cannot tell which reads those are, so
 * every read says it may). The default role, {@code all}, answers everything and gets nothing from here: its
 * description is the one committed and compared by {@code ApiDescriptionTest}.
 */
@Component
class InstanceRoleDocumentation implements OperationCustomizer {

    private static final String MISDIRECTED = "421";

    private final InstanceRole role;

    InstanceRoleDocumentation(Environment environment) {
        this.role = InstanceRole.of(environment);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String answeredElsewhere = switch (role) {
            case ALL -> null;
            case QUERY ->
                CommandEndpoints.sendsCommands(handler)
                        ? "This instance serves reads only (ordo.role=query); send commands to an instance"
                                + " whose role is command or all. Nothing was read or changed."
                        : null;
            case COMMAND ->
                handler.hasMethodAnnotation(GetMapping.class)
                        ? "This instance takes commands only (ordo.role=command) and the projection this read"
                                + " needs runs on the query instances; read from an instance whose role is"
                                + " query or all."
                        : null;
        };
        if (answeredElsewhere != null && operation.getResponses() != null) {
            operation.getResponses().addApiResponse(MISDIRECTED, misdirected(answeredElsewhere));
        }
        return operation;
    }

    /** A problem that also names this instance's role, so a client or an operator sees where the request went. */
    private ApiResponse misdirected(String description) {
        Schema<?> problem = ApiDescription.problem()
                .addProperty(
                        "role",
                        new StringSchema()
                                ._enum(List.of(role.value()))
                                .description("The role of the instance that answered (ordo.role)"))
                .required(List.of("title", "status", "role"));
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(problem)))
                .addHeaderObject(ApiDescription.REQUEST_ID, ApiDescription.headerRef(ApiDescription.REQUEST_ID));
    }
}
