package io.ordo.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The parts of the OpenAPI description that no controller states: what the API is, how a client signs in, the problem
 * answer every error shares and the headers every request and answer may carry. {@link ApiResponsesDocumentation} puts
 * them on the operations; the names here are what its {@code $ref}s point to.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String SIGNATURE = "ordoSignature";

    static final String PROBLEM = "Problem";
    static final String REQUEST_ID = "X-Request-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** The API's own version: it changes when the contract does, not with every release of the service. */
    private static final String API_VERSION = "1";

    /** A token of the characters a log line, a header and a key can hold; the filters check the same. */
    private static final String TOKEN = "^[A-Za-z0-9._:-]{1,%d}$";

    @Bean
    OpenAPI ordoApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Ordo")
                        .version(API_VERSION)
                        .description("Orders and products of an event-sourced order service. Commands answer the"
                                + " aggregate's version, in the body and as a strong ETag, and honour If-Match;"
                                + " reads of an order wait for a version with ?minVersion=. Every error is an RFC 9457"
                                + " application/problem+json. Every POST may carry an Idempotency-Key."))
                .addTagsItem(new Tag()
                        .name(ApiTags.HISTORY)
                        .description("Orders and products as they were, rebuilt from the event store"))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user of ordo.security.users"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A token of the OAuth2 issuer, when one is configured; its roles"
                                                + " claim lists the user's roles"))
                        .addSecuritySchemes(
                                SIGNATURE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("Ordo-Signature")
                                        .description("The payment provider's signature: t=<unix seconds>,v1=<hex"
                                                + " HMAC-SHA256 of \"<t>.<raw body>\" with the shared webhook secret>;"
                                                + " refused (401) when it does not match or t is further from now than"
                                                + " the tolerance (5 minutes)"))
                        .addSchemas(PROBLEM, problem())
                        .addSchemas("FieldError", fieldError())
                        .addHeaders(
                                REQUEST_ID,
                                new Header()
                                        .description("The request's id: the client's X-Request-Id, or a new UUID")
                                        .required(true)
                                        .schema(new StringSchema().maxLength(64)))
                        .addHeaders(
                                IDEMPOTENT_REPLAYED,
                                new Header()
                                        .description("true when this is the answer kept for the Idempotency-Key")
                                        .schema(new StringSchema()._enum(List.of("true"))))
                        .addHeaders(
                                HttpHeaders.ETAG,
                                new Header()
                                        .description("The aggregate's version as a strong entity tag, such as \"4\":"
                                                + " send it as If-Match on the next command")
                                        .required(true)
                                        .schema(new StringSchema().pattern("^\"(0|[1-9][0-9]{0,18})\"$")))
                        .addHeaders(
                                HttpHeaders.LOCATION,
                                new Header()
                                        .description("Where the new order or product is read")
                                        .required(true)
                                        .schema(new StringSchema()))
                        .addHeaders(
                                HttpHeaders.RETRY_AFTER,
                                new Header()
                                        .description("Seconds to wait before trying again")
                                        .required(true)
                                        .schema(new IntegerSchema().minimum(BigDecimal.ZERO))));
    }

    /** RFC 9457 as Spring writes it, with the members Ordo adds. */
    static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; never a stack trace or a class name")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)))
                .addProperty("detail", new StringSchema().maxLength(201).example("the request has invalid fields"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .description("The request's path; cut to 100 characters where Spring MVC writes it")
                                .example("/api/orders"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("400 for invalid fields: one entry per field, its broken rules joined")
                                .maxItems(10)
                                .items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .addProperty(
                        "moreErrors",
                        new IntegerSchema()
                                .description("How many invalid fields beyond the ten listed")
                                .minimum(BigDecimal.ONE))
                .addProperty(
                        "currentVersion",
                        new IntegerSchema()
                                .format("int64")
                                .description("412: the version the aggregate is at, for the next If-Match"))
                .required(List.of("title", "status"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                .addProperty("message", new StringSchema().example("must be less than or equal to 10000"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> token(int maxLength) {
        return new StringSchema().maxLength(maxLength).pattern(TOKEN.formatted(maxLength));
    }

    /** An answer whose body is a problem. */
    static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    /** The optional X-Request-Id a request may carry. */
    static Parameter requestIdParameter() {
        return new HeaderParameter()
                .name(REQUEST_ID)
                .description("The request's id for the logs and the events it causes; one that does not fit the"
                        + " pattern is replaced by a new UUID, not refused")
                .schema(token(64));
    }

    /** The optional Idempotency-Key of a POST. */
    static Parameter idempotencyKeyParameter() {
        return new HeaderParameter()
                .name(IDEMPOTENCY_KEY)
                .description("Runs the POST once: a repeat with the same body and If-Match gets the first answer"
                        + " again (Idempotent-Replayed: true), one with another body 422, one while the first still"
                        + " runs 409")
                .schema(token(128))
                .example("5b0e6c1e-order-1001");
    }
}
