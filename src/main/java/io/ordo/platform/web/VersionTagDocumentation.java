package io.ordo.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Tells the OpenAPI description what every operation that answers a version has in common, so the controllers only
 * declare the If-Match header or mark the handler {@link VersionTagged}: the new version as the ETag of the answer and,
 * where If-Match is taken, a 412 problem when the aggregate is at another version.
 */
@Component
class VersionTagDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean takesIfMatch = Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                .anyMatch(VersionTagDocumentation::isIfMatch);
        boolean tagged = takesIfMatch || handlerMethod.hasMethodAnnotation(VersionTagged.class);
        if (!tagged || operation.getResponses() == null) {
            return operation;
        }
        operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> response.getValue()
                        .addHeaderObject(HttpHeaders.ETAG, ApiDescription.headerRef(HttpHeaders.ETAG)));
        if (takesIfMatch) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "412",
                            ApiDescription.problemResponse("The aggregate is not at the version If-Match names (or"
                                            + " If-Match names no version); the problem says its currentVersion."
                                            + " Nothing was changed.")
                                    .addHeaderObject(
                                            ApiDescription.REQUEST_ID,
                                            ApiDescription.headerRef(ApiDescription.REQUEST_ID)));
        }
        return operation;
    }

    private static boolean isIfMatch(Parameter parameter) {
        return "header".equals(parameter.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName());
    }
}
