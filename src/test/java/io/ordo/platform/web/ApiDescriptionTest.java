package io.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.support.ApiContract;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document says what the service does (issue 11): the HTTP tests check every answer against it
 * through {@link HttpJson}; this test checks the parts no answer shows, and that the check itself can fail. Same
 * context as OrderApiTest.
 */
@HttpTest
class ApiDescriptionTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Path COMMITTED = Path.of("src/test/resources/openapi/ordo.json");
    private static final String REWRITE = "ordo.openapi.rewrite";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    HttpJson http;

    JsonNode docs;

    @BeforeEach
    void fetch() {
        docs = http.anonymous().get("/v3/api-docs").json();
    }

    /**
     * The committed copy is what the generated client is built from (GeneratedClientWalkthroughTest), so it must be
     * the served document exactly; a change to the API shows here first, as a diff in review.
     */
    @Test
    void theCommittedDescriptionIsTheServedOne() throws IOException {
        // springdoc names the server that answered (here a random port); the committed copy names none
        ObjectNode served = docs.deepCopy();
        served.remove("servers");
        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(JSON.readTree(COMMITTED.toFile()))
                .as(
                        "%s is not the served /v3/api-docs; if the change is meant, rewrite it with"
                                + " ./mvnw test -Dtest=ApiDescriptionTest -D%s=true and commit it",
                        COMMITTED, REWRITE)
                .isEqualTo(served);
    }

    @Test
    void everyOperationHasANameOfItsOwn() {
        List<String> operationIds = new ArrayList<>();
        docs.get("paths")
                .forEach(path -> path.forEach(operation ->
                        operationIds.add(operation.path("operationId").asText())));
        // springdoc names an operation after its method and adds _1, _2 when two methods share a name
        assertThat(operationIds)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]+"));
    }

    @Test
    void namesTheApiAndHowToSignIn() {
        assertThat(docs.at("/info/title").asText()).isEqualTo("Ordo");
        assertThat(docs.at("/info/version").asText()).isNotEqualTo("v0");
        JsonNode schemes = docs.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.at("/ordoSignature/in").asText() + " "
                        + schemes.at("/ordoSignature/name").asText())
                .isEqualTo("header Ordo-Signature");

        assertThat(operation("/api/payments/{orderId}", "post").get("security").toString())
                .isEqualTo("[{\"ordoSignature\":[]}]");
        assertThat(operation("/api/orders", "post").get("security").toString())
                .isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
        assertThat(operation("/api/payments/{orderId}", "post").at("/responses").has("429"))
                .isFalse();
        assertThat(operation("/api/admin/processors", "get").at("/responses").has("403"))
                .isTrue();
        assertThat(operation("/api/orders", "get").at("/responses").has("403")).isFalse();
    }

    @Test
    void newOrdersAndProductsAre201WithLocationAndETag() {
        for (String path : List.of("/api/orders", "/api/products")) {
            JsonNode responses = operation(path, "post").get("responses");
            assertThat(responses.has("200")).as(path).isFalse();
            assertThat(responses.at("/201/headers").has("Location")).as(path).isTrue();
            assertThat(responses.at("/201/headers").has("ETag")).as(path).isTrue();
            assertThat(responses.at("/201/content").has("application/json"))
                    .as(path)
                    .isTrue();
        }
        assertThat(operation("/api/orders/{orderId}", "get")
                        .at("/responses/200/headers")
                        .has("ETag"))
                .isTrue();
        assertThat(operation("/api/products/{productId}", "get")
                        .at("/responses/200/headers")
                        .has("ETag"))
                .isTrue();
    }

    @Test
    void errorsAreProblemsWithTheMembersTheServiceAdds() {
        JsonNode problem = docs.at("/components/schemas/Problem/properties");
        assertThat(problem.has("errors") && problem.has("moreErrors") && problem.has("currentVersion"))
                .isTrue();
        JsonNode placeOrder = operation("/api/orders", "post").get("responses");
        for (String status : List.of("400", "401", "406", "409", "413", "415", "422", "429", "500")) {
            JsonNode response = docs.at("/components/responses/"
                    + placeOrder.get(status).get("$ref").asText().replaceAll(".*/", ""));
            assertThat(response.at("/content").has(PROBLEM_JSON)).as(status).isTrue();
        }
        assertThat(operation("/api/orders/{orderId}", "get").at("/responses").has("503"))
                .isTrue();
        assertThat(operation("/api/orders/{orderId}/confirm", "post")
                        .at("/responses/412/content")
                        .has(PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void answersJsonAndNamesItsHeaders() {
        assertThat(docs.toString()).doesNotContain("*/*");
        assertThat(parameterNames(operation("/api/orders/{orderId}/cancel", "post")))
                .contains("Idempotency-Key", "X-Request-Id", "If-Match");
        assertThat(parameterNames(operation("/api/orders", "get")))
                .contains("X-Request-Id")
                .doesNotContain("Idempotency-Key");
        assertThat(operation("/api/orders/{orderId}/cancel", "post")
                        .at("/responses/200/headers")
                        .has("Idempotent-Replayed"))
                .isTrue();
        assertThat(docs.at("/components/responses/TooManyFailedSignIns/headers").has("Retry-After"))
                .isTrue();
        assertThat(docs.at("/components/responses/VersionNotReached/headers").has("Retry-After"))
                .isTrue();
    }

    @Test
    void everyPatternIsAnchoredAndQuantitiesAreBounded() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(docs, patterns);
        assertThat(patterns)
                .isNotEmpty()
                .allSatisfy(pattern -> assertThat(pattern).startsWith("^").endsWith("$"));
        assertThat(docs.at("/components/schemas/PlaceOrderRequest/properties/salesChannel/pattern")
                        .asText())
                .isEqualTo("^(?:web|store|phone|marketplace)$");
        for (String schema : List.of("LineRequest", "ChangeQuantityRequest")) {
            JsonNode quantity = docs.at("/components/schemas/" + schema + "/properties/quantity");
            assertThat(quantity.get("minimum").asInt()).as(schema).isEqualTo(1);
            assertThat(quantity.get("maximum").asInt()).as(schema).isEqualTo(10_000);
        }
    }

    @Test
    void aRequiredTextOrListSaysItMayNotBeEmpty() {
        JsonNode schemas = docs.at("/components/schemas");
        assertThat(schemas.at("/PlaceOrderRequest/properties/lines/minItems").asInt())
                .isEqualTo(1);
        for (String property : List.of(
                "PlaceOrderRequest/properties/customerId",
                "LineRequest/properties/productId",
                "AddressRequest/properties/street",
                "ShipRequest/properties/carrier",
                "CancelRequest/properties/reason",
                "RegisterProductRequest/properties/name",
                "PaymentNotification/properties/providerReference")) {
            JsonNode schema = schemas.at("/" + property);
            assertThat(schema.path("minLength").asInt()).as(property).isEqualTo(1);
            assertThat(schema.has("maxLength")).as(property).isTrue();
        }
        // an optional id is not bound below: without it the service makes one
        assertThat(schemas.at("/PlaceOrderRequest/properties/orderId/minLength").asInt())
                .isZero();
    }

    @Test
    void amountsAreCentsWithTrailingZerosAllowed() {
        for (String property : List.of(
                "LineRequest/properties/unitPrice",
                "RegisterProductRequest/properties/unitPrice",
                "PriceRequest/properties/unitPrice",
                "PaymentNotification/properties/amount")) {
            JsonNode schema = docs.at("/components/schemas/" + property);
            assertThat(schema.path("multipleOf").decimalValue()).as(property).isEqualByComparingTo("0.01");
            assertThat(schema.path("minimum").asInt(-1)).as(property).isZero();
            assertThat(schema.path("description").asText()).as(property).contains("9.500");
        }
    }

    @Test
    void aTagSharedByTwoFeaturesIsDescribedOnce() {
        List<String> history = new ArrayList<>();
        docs.get("tags").forEach(tag -> {
            if (tag.get("name").asText().equals("History")) {
                history.add(tag.path("description").asText());
            }
        });
        assertThat(history).containsExactly("Orders and products as they were, rebuilt from the event store");
        assertThat(operation("/api/orders/{orderId}/history", "get").get("tags").toString())
                .isEqualTo("[\"History\"]");
        assertThat(operation("/api/products/{productId}/history", "get")
                        .get("tags")
                        .toString())
                .isEqualTo("[\"History\"]");
    }

    @Test
    void requestsComeWithExamples() {
        assertThat(docs.at("/components/schemas/PlaceOrderRequest/properties/customerId/example")
                        .asText())
                .isEqualTo("customer-42");
        assertThat(docs.at("/components/schemas/LineRequest/properties/quantity/example")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void everyOperationHasASummary() {
        docs.get("paths")
                .forEach(item -> item.forEach(
                        operation -> assertThat(operation.path("summary").asText())
                                .as(operation.path("operationId").asText())
                                .isNotBlank()));
    }

    /** A positive control: the check that every HTTP test runs refuses what the document does not describe. */
    @Test
    void theContractCheckRefusesAnAnswerTheDocumentDoesNotDescribe() {
        String base = "http://localhost:" + port;
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));

        // springdoc's old claim: a new order answered 200
        assertThatThrownBy(() -> ApiContract.check(base, "POST", "/api/orders", 200, json, "{\"orderId\":\"o\"}"))
                .isInstanceOf(AssertionError.class);
        // a 201 without its Location
        assertThatThrownBy(() -> ApiContract.check(
                        base,
                        "POST",
                        "/api/orders",
                        201,
                        Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"0\"")),
                        "{\"orderId\":\"o\",\"version\":0}"))
                .isInstanceOf(AssertionError.class);
        // an error that is not a problem
        assertThatThrownBy(() -> ApiContract.check(base, "GET", "/api/orders/o", 404, json, "{\"status\":\"gone\"}"))
                .isInstanceOf(AssertionError.class);
        // and what the service does answer passes
        ApiContract.check(
                base,
                "POST",
                "/api/orders",
                201,
                Map.of(
                        "Content-Type", List.of("application/json"),
                        "ETag", List.of("\"0\""),
                        "Location", List.of("/api/orders/o"),
                        "X-Request-Id", List.of("r-1")),
                "{\"orderId\":\"o\",\"version\":0}");
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = docs.get("paths").get(path).get(method);
        assertThat(operation).as(method + " " + path).isNotNull();
        return operation;
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation
                .get("parameters")
                .forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static void collectPatterns(JsonNode node, List<String> patterns) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    patterns.add(field.getValue().asText());
                } else {
                    collectPatterns(field.getValue(), patterns);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectPatterns(element, patterns));
        }
    }
}
