package io.ordo.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Tells the OpenAPI description what every operation that takes If-Match has in common, so the controllers only declare
 * the header: a 412 problem when the aggregate is at another version, and the new version as the ETag of the answer.
 */
@Component
class IfMatchDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean takesIfMatch = Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                .anyMatch(IfMatchDocumentation::isIfMatch);
        if (!takesIfMatch || operation.getResponses() == null) {
            return operation;
        }
        Header etag = new Header()
                .description("The aggregate's version after the command, for If-Match on the next one, such as \"4\"")
                .schema(new StringSchema());
        operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> response.getValue().addHeaderObject(HttpHeaders.ETAG, etag));
        operation
                .getResponses()
                .addApiResponse(
                        "412",
                        new ApiResponse()
                                .description("The aggregate is not at the version If-Match names; the problem says"
                                        + " its currentVersion. Nothing was changed.")
                                .content(new Content()
                                        .addMediaType(
                                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                new MediaType().schema(new ObjectSchema()))));
        return operation;
    }

    private static boolean isIfMatch(Parameter parameter) {
        return "header".equals(parameter.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName());
    }
}
