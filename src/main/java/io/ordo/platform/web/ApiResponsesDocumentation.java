package io.ordo.platform.web;

import static io.ordo.platform.web.ApiDescription.headerRef;
import static io.ordo.platform.web.ApiDescription.problemResponse;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts on every operation what the filters, the security chains and the error advice answer, so that no controller
 * repeats it: the problem answers each operation can really get (by what the operation is: a command, a read, under
 * {@code /api/admin}, the payment webhook), the headers every request and answer may carry, and who may call it. An
 * operation states only what is its own (a 412 where it takes If-Match, its success status).
 *
 * <p>405 is not described: it is the answer to a method the path does not have, so no operation of the document can
 * get it. Idempotent: springdoc may run a customizer again on a description it already customised.
 */
@Component
class ApiResponsesDocumentation implements OpenApiCustomizer {

    /** The problem answers, by status, and which operations can get them. */
    private static final List<Rule> RULES = List.of(
            new Rule(
                    400,
                    "BadRequest",
                    "The request is malformed: invalid fields (listed in errors), a body that is not JSON of this"
                            + " shape, a bad path id or query parameter, a path not in canonical form, a malformed"
                            + " If-Match or Idempotency-Key, or input the aggregate's rules refuse. Nothing was changed.",
                    any -> true),
            new Rule(
                    401,
                    "Unauthorized",
                    "Not signed in: no or wrong credentials (on the payment webhook, no valid Ordo-Signature)",
                    any -> true),
            new Rule(403, "Forbidden", "Signed in without the role ADMIN", Call::admin),
            new Rule(
                    404,
                    "NotFound",
                    "What the path names (the order, product, customer, processor, dead-letter queue or projection, or a"
                            + " projection's audit) does not exist",
                    Call::namesSomething),
            new Rule(
                    406,
                    "NotAcceptable",
                    "The Accept header names no type this operation answers (it answers application/json, a live"
                            + " stream text/event-stream)",
                    any -> true),
            new Rule(
                    409,
                    "Conflict",
                    "The current state forbids the command (the detail says why), the id is taken, another change won"
                            + " the race, or a request with the same Idempotency-Key is still running. Nothing was"
                            + " changed.",
                    Call::mayConflict),
            new Rule(
                    413,
                    "PayloadTooLarge",
                    "The request body is larger than ordo.http.max-body-size (64 KiB); every request is limited",
                    any -> true),
            new Rule(415, "UnsupportedMediaType", "The body is not application/json", Call::takesABody),
            new Rule(
                    422,
                    "IdempotencyKeyReused",
                    "This Idempotency-Key was used for another request (another body or If-Match)",
                    Call::post),
            new Rule(
                    429,
                    "TooManyFailedSignIns",
                    "Too many failed sign-ins for this user name or from this address; no password is checked until"
                            + " Retry-After",
                    call -> !call.webhook()),
            new Rule(
                    500,
                    "InternalServerError",
                    "The service could not complete the request; the problem says no more",
                    any -> true),
            new Rule(
                    503,
                    "VersionNotReached",
                    "?minVersion= was not reached within ordo.read-your-writes.timeout, or too many reads are waiting;"
                            + " try again after Retry-After",
                    Call::waitsForAVersion),
            new Rule(
                    503,
                    "StreamsFull",
                    "Every live stream this instance allows is open (ordo.live.max-streams); try again later",
                    Call::streams));

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        RULES.forEach(rule -> components.addResponses(rule.name(), rule.response()));
        Optional.ofNullable(api.getPaths())
                .orElseGet(Paths::new)
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> describe(new Call(path, method, operation))));
    }

    private static void describe(Call call) {
        Operation operation = call.operation();
        operation.setSecurity(
                call.webhook()
                        ? List.of(new SecurityRequirement().addList(ApiDescription.SIGNATURE))
                        : List.of(
                                new SecurityRequirement().addList(ApiDescription.BASIC),
                                new SecurityRequirement().addList(ApiDescription.BEARER)));
        addParameter(operation, ApiDescription.requestIdParameter());
        if (call.post()) {
            addParameter(operation, ApiDescription.idempotencyKeyParameter());
        }
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                describeSuccess(call, status, response);
            }
        });
        for (Rule rule : RULES) {
            String status = Integer.toString(rule.status());
            if (rule.appliesTo().test(call) && !responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + rule.name()));
            }
        }
        // in status order, as a reader looks them up
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    private static void describeSuccess(Call call, String status, ApiResponse response) {
        response.addHeaderObject(ApiDescription.REQUEST_ID, headerRef(ApiDescription.REQUEST_ID));
        if (call.post()) {
            response.addHeaderObject(ApiDescription.IDEMPOTENT_REPLAYED, headerRef(ApiDescription.IDEMPOTENT_REPLAYED));
        }
        if (status.equals("201")) {
            response.addHeaderObject(HttpHeaders.LOCATION, headerRef(HttpHeaders.LOCATION));
        }
    }

    private static void addParameter(Operation operation, Parameter header) {
        List<Parameter> parameters =
                new ArrayList<>(Optional.ofNullable(operation.getParameters()).orElse(List.of()));
        if (parameters.stream().noneMatch(parameter -> header.getName().equalsIgnoreCase(parameter.getName()))) {
            parameters.add(header);
            operation.setParameters(parameters);
        }
    }

    private record Rule(int status, String name, String description, Predicate<Call> appliesTo) {

        ApiResponse response() {
            ApiResponse response = problemResponse(description)
                    .addHeaderObject(ApiDescription.REQUEST_ID, headerRef(ApiDescription.REQUEST_ID));
            if (status == 429 || status == 503) {
                response.addHeaderObject(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER));
            }
            if (status == 401) {
                response.addHeaderObject(
                        HttpHeaders.WWW_AUTHENTICATE,
                        new Header()
                                .description("Basic realm=\"ordo\", except on the payment webhook")
                                .schema(new StringSchema()));
            }
            return response;
        }
    }

    /** One operation: a method on a path. */
    private record Call(String path, PathItem.HttpMethod method, Operation operation) {

        boolean admin() {
            return path.startsWith("/api/admin/");
        }

        boolean webhook() {
            return path.startsWith("/api/payments/");
        }

        boolean post() {
            return method == PathItem.HttpMethod.POST;
        }

        boolean namesSomething() {
            return path.contains("{");
        }

        boolean takesABody() {
            return operation.getRequestBody() != null;
        }

        /** Every POST (a key still running), and every change to an order or product. */
        boolean mayConflict() {
            return post() || (method != PathItem.HttpMethod.GET && !admin());
        }

        /** A server-sent event stream: it answers text/event-stream. */
        boolean streams() {
            return Optional.ofNullable(operation.getResponses().get("200"))
                    .map(ApiResponse::getContent)
                    .map(content -> content.containsKey(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE))
                    .orElse(false);
        }

        boolean waitsForAVersion() {
            return Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                    .anyMatch(parameter -> "minVersion".equals(parameter.getName()));
        }
    }
}
