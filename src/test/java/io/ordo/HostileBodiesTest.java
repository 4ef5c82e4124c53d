package io.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.shared.Identifiers;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Orders;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile request bodies against every JSON endpoint over real HTTP: huge and over-precise numbers, long, Unicode and
 * NUL strings, deep nesting, wrong types, unknown fields, too many items. Each is answered with a small problem+json
 * 400 at once (the client gives up after {@link #ANSWER_WITHIN}, so a request that hangs a core fails), and appends no
 * event. The payment webhook's body is covered where it is parsed ({@code PaymentNotificationTest}); its transport is
 * the signed webhook's.
 */
@HttpTest
class HostileBodiesTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final int SMALL_ANSWER = 2048;
    private static final String ORDER = "{order}";
    private static final String PRODUCT = "{product}";
    private static final String YEN_PRODUCT = "sku-hostile-yen";

    /** Beyond Jackson's 16 KB string limit, within the 64 KB body limit. */
    private static final String HUGE_TEXT = "x".repeat(16 * 1024 + 1);

    private static final String LONG_ID = "c".repeat(300);
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    HttpJson clerk;

    HttpJson http;

    @BeforeEach
    void client() {
        http = clerk.answeringWithin(ANSWER_WITHIN);
        Products.ensureStandardProducts(http);
        Response yen = http.post("/api/products", """
                {"productId":"%s","name":"Tea in yen","unitPrice":1500,"currency":"JPY","initialStock":10}
                """.formatted(YEN_PRODUCT));
        assertThat(yen.status()).isIn(201, 409);
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource("hostileRequests")
    void aHostileBodyIsASmallBadRequestThatAppendsNothing(String method, String path, String body, String what) {
        String target = path.replace(ORDER, placeOrder()).replace(PRODUCT, "sku-1");
        long head = head();

        Response response = http.send(method, target, body, "application/json", "application/json");

        assertSmallBadRequest(response);
        assertThat(head()).as("no event appended").isEqualTo(head);
    }

    @Test
    void aUnitPriceOfAHugeExponentIsRefusedAtOnce() {
        String orderId = placeOrder();

        Response response = http.post("/api/orders/" + orderId + "/lines", line("sku-3", "1", "1e100000000"));

        assertSmallBadRequest(response);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("unitPrice");
    }

    @Test
    void aUnitPriceOfATinyExponentIsRefusedWithASmallBody() {
        String orderId = placeOrder();

        Response response = http.post("/api/orders/" + orderId + "/lines", line("sku-3", "1", "1e-100000000"));

        assertSmallBadRequest(response);
        assertThat(response.body()).doesNotContain("0000000000");
    }

    @Test
    void aCustomerIdOfThreeHundredCharactersIsRefusedAndNoEventIsStored() {
        String orderId = newId();
        long head = head();

        Response response = http.post("/api/orders", Orders.placeOrder(orderId, LONG_ID));

        assertSmallBadRequest(response);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("customerId");
        assertThat(response.body()).doesNotContain(LONG_ID.substring(0, 100));
        assertThat(head()).isEqualTo(head);
        assertThat(http.get("/api/orders/" + orderId + "/events").status()).isEqualTo(404);
    }

    @Test
    void anIdInThePathThatIsNotAnIdentifierIsABadRequestThatNamesItAndDoesNotEchoIt() {
        Response read = http.get("/api/orders/" + LONG_ID);
        Response command = http.post("/api/orders/" + LONG_ID + "/lines", line("sku-3", "1", "1.99"));
        Response product = http.get("/api/products/" + LONG_ID);

        for (Response response : List.of(read, command, product)) {
            assertSmallBadRequest(response);
            assertThat(response.body()).doesNotContain(LONG_ID.substring(0, 100));
        }
        assertThat(read.json().at("/errors/0/field").asText()).isEqualTo("orderId");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsNamedAndNotQuoted() {
        String status = "LOST".repeat(1_000);

        Response response = http.get("/api/orders?status=" + status);

        assertSmallBadRequest(response);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(response.body()).doesNotContain("LOSTLOST");
    }

    @Test
    void aBodyWithManyInvalidFieldsListsOnlyTheFirstTen() {
        String body = placeWithLines(Collections.nCopies(50, line("bad id!", "0", "1.999")));

        Response response = http.post("/api/orders", body);

        assertSmallBadRequest(response);
        assertThat(response.json().get("errors")).hasSize(10);
        assertThat(response.json().get("moreErrors").asInt()).isPositive();
    }

    @Test
    void theProcessorsKeepProjectingAfterHostileRequests() {
        http.post("/api/orders", Orders.placeOrder(newId(), LONG_ID));
        http.post("/api/orders/" + placeOrder() + "/lines", line("sku-3", "1", "1e100000000"));
        String orderId = placeOrder();

        assertThat(http.get("/api/orders/" + orderId + "?minVersion=0").status())
                .isEqualTo(200);
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor ->
                        assertThat(processor.isError()).as(processor.getName()).isFalse());
    }

    @Test
    void theOpenApiDocumentCarriesTheBounds() {
        JsonNode docs = http.get("/v3/api-docs").json();

        JsonNode placeOrder = docs.at("/components/schemas/PlaceOrderRequest/properties");
        assertThat(placeOrder.at("/customerId/maxLength").asInt()).isEqualTo(Identifiers.MAX_LENGTH);
        assertThat(placeOrder.at("/customerId/pattern").asText()).isEqualTo("^" + Identifiers.PATTERN + "$");
        assertThat(placeOrder.at("/lines/maxItems").asInt()).isEqualTo(100);
        JsonNode line = docs.at("/components/schemas/LineRequest/properties");
        assertThat(line.at("/quantity/maximum").asInt()).isEqualTo(10_000);
        assertThat(line.at("/productName/maxLength").asInt()).isEqualTo(200);
        assertThat(docs.at("/components/schemas/AddressRequest/properties/street/maxLength")
                        .asInt())
                .isEqualTo(200);
        assertThat(docs.at("/components/schemas/CancelRequest/properties/reason/maxLength")
                        .asInt())
                .isEqualTo(500);
        JsonNode addLine = docs.at("/paths/~1api~1orders~1{orderId}~1lines/post/parameters");
        assertThat(addLine)
                .filteredOn(parameter -> parameter.get("name").asText().equals("orderId"))
                .singleElement()
                .satisfies(
                        parameter -> assertThat(parameter.at("/schema/pattern").asText())
                                .isEqualTo("^" + Identifiers.PATTERN + "$"));
    }

    static Stream<Arguments> hostileRequests() {
        List<Arguments> requests = new ArrayList<>();
        // placing an order
        String place = "/api/orders";
        requests.add(post(place, placeBody(LONG_ID, "Ada"), "a 300-character customerId"));
        requests.add(post(place, placeBody("customer" + NUL, "Ada"), "a NUL in the customerId"));
        requests.add(post(place, placeBody("kundé-1", "Ada"), "a customerId outside the safe characters"));
        requests.add(post(place, placeBody("customer-1", "Ada" + NUL), "a NUL in the address"));
        requests.add(post(place, placeBody("customer-1", "Ada" + LONE_SURROGATE), "a lone surrogate in the address"));
        requests.add(post(place, placeBody("customer-1", "s".repeat(201)), "an address name of 201 characters"));
        requests.add(post(place, placeBody("customer-1", HUGE_TEXT), "a string beyond Jackson's limit"));
        requests.add(post(place, placeWithLine(line("sku-1", "1", "1e100000000")), "a unit price of 1e100000000"));
        requests.add(post(place, placeWithLine(line("sku-1", "1", "1e-100000000")), "a unit price of 1e-100000000"));
        requests.add(post(place, placeWithLine(line("sku-1", "1", "1234567890123456")), "16 integer digits"));
        requests.add(post(place, placeWithLine(line("sku-1", "1", "9.505")), "3 decimals in EUR"));
        requests.add(post(place, placeWithLine(line("sku-1", "1.5", "9.50")), "a fractional quantity"));
        requests.add(post(place, placeWithLine(line("sku-1", "\"many\"", "9.50")), "a quantity of the wrong type"));
        requests.add(post(place, placeWithLine(line("sku-1", "1e100000000", "9.50")), "a quantity of 1e100000000"));
        requests.add(post(place, placeWithLines(101), "101 lines"));
        requests.add(post(
                place,
                placeBody("customer-1", "Ada").replace("\"EUR\"", "\"" + HUGE_TEXT.substring(0, 10_000) + "\""),
                "a 10,000-character currency"));
        requests.add(post(
                place,
                placeBody("customer-1", "Ada").replace("{\"orderId\"", "{\"isAdmin\":true,\"orderId\""),
                "an unknown field"));
        requests.add(post(
                place,
                placeBody("customer-1", "Ada").replace("\"lines\":[", "\"lines\":" + "[".repeat(100)),
                "nesting 100 deep"));
        requests.add(post(
                place, "{\"customerId\":[\"a\"],\"currency\":\"EUR\",\"lines\":{}}", "arrays and objects for scalars"));
        requests.add(post(
                place,
                placeBody("customer-1", "Ada")
                        .replace("\"BE\"", "\"BE\",\"salesChannel\":\"" + "w".repeat(10_000) + "\""),
                "a 10,000-character sales channel"));
        // adding a line
        String lines = "/api/orders/" + ORDER + "/lines";
        requests.add(post(lines, line("sku-3", "1", "1e100000000"), "a unit price of 1e100000000"));
        requests.add(post(lines, line("sku-3", "1", "1e-100000000"), "a unit price of 1e-100000000"));
        requests.add(post(lines, line("sku-3", "1", "1234567890123456"), "16 integer digits"));
        requests.add(post(lines, line("sku-3", "1", "1.999"), "3 decimals in EUR"));
        requests.add(post(lines, line(YEN_PRODUCT, "1", "1500.5"), "decimals in JPY"));
        requests.add(post(lines, line("sku-3", "1", "\"NaN\""), "NaN as a unit price"));
        requests.add(post(lines, line("sku-3", "2147483648", "1.99"), "a quantity beyond int"));
        requests.add(post(lines, line("sku-3", "10001", "1.99"), "a quantity beyond 10,000"));
        requests.add(post(lines, line(LONG_ID, "1", "1.99"), "a 300-character product id"));
        requests.add(post(
                lines,
                "{\"productId\":\"sku-3\",\"quantity\":1,\"productName\":\"Mug" + NUL + "\"}",
                "a NUL in the product name"));
        requests.add(post(lines, "{\"productId\":\"sku-3\",\"quantity\":1,\"discount\":100}", "an unknown field"));
        // changing a quantity
        String quantity = "/api/orders/" + ORDER + "/lines/sku-1";
        requests.add(patch(quantity, "{\"quantity\":1e100000000}", "a quantity of 1e100000000"));
        requests.add(patch(quantity, "{\"quantity\":1.5}", "a fractional quantity"));
        requests.add(patch(quantity, "{\"quantity\":0}", "a quantity of 0"));
        requests.add(patch(quantity, "{\"quantity\":[1]}", "an array for a quantity"));
        requests.add(patch(
                "/api/orders/" + ORDER + "/lines/" + LONG_ID,
                "{\"quantity\":1}",
                "a 300-character product id in the path"));
        // shipping and cancelling
        String ship = "/api/orders/" + ORDER + "/ship";
        requests.add(post(
                ship,
                "{\"carrier\":\"" + "d".repeat(101) + "\",\"trackingNumber\":\"T-1\"}",
                "a carrier of 101 characters"));
        requests.add(post(
                ship, "{\"carrier\":\"DHL\",\"trackingNumber\":\"T" + NUL + "\"}", "a NUL in the tracking number"));
        requests.add(post(
                ship,
                "{\"carrier\":\"DHL" + LONE_SURROGATE + "\",\"trackingNumber\":\"T-1\"}",
                "a lone surrogate in the carrier"));
        requests.add(
                post(ship, "{\"carrier\":{\"name\":\"DHL\"},\"trackingNumber\":\"T-1\"}", "an object for a carrier"));
        String cancel = "/api/orders/" + ORDER + "/cancel";
        requests.add(post(cancel, "{\"reason\":\"" + "r".repeat(501) + "\"}", "a reason of 501 characters"));
        requests.add(post(cancel, "{\"reason\":\"" + NUL + "\"}", "a NUL reason"));
        requests.add(post(cancel, "{\"reason\":\"" + HUGE_TEXT + "\"}", "a reason beyond Jackson's limit"));
        // the catalog
        String products = "/api/products";
        requests.add(post(products, product("1e100000000", "EUR", "1"), "a price of 1e100000000"));
        requests.add(post(products, product("1e-100000000", "EUR", "1"), "a price of 1e-100000000"));
        requests.add(post(products, product("1234567890123456", "EUR", "1"), "16 integer digits"));
        requests.add(post(products, product("9.999", "EUR", "1"), "3 decimals in EUR"));
        requests.add(post(products, product("1500.5", "JPY", "1"), "decimals in JPY"));
        requests.add(post(products, product("-1", "EUR", "1"), "a negative price"));
        requests.add(post(products, product("9.50", "EUR", "1e100000000"), "a stock of 1e100000000"));
        requests.add(post(products, product("9.50", "EUR", "1000001"), "a stock beyond a million"));
        requests.add(post(products, product("9.50", "eur", "1"), "a lower-case currency"));
        requests.add(post(
                products,
                "{\"productId\":\"" + LONG_ID
                        + "\",\"name\":\"Mug\",\"unitPrice\":1,\"currency\":\"EUR\",\"initialStock\":1}",
                "a 300-character product id"));
        requests.add(post(
                products,
                "{\"name\":\"" + "n".repeat(201) + "\",\"unitPrice\":1,\"currency\":\"EUR\",\"initialStock\":1}",
                "a name of 201 characters"));
        requests.add(post(
                products,
                "{\"name\":\"Mug" + NUL + "\",\"unitPrice\":1,\"currency\":\"EUR\",\"initialStock\":1}",
                "a NUL in the name"));
        String price = "/api/products/" + PRODUCT + "/price";
        requests.add(patch(price, "{\"unitPrice\":1e100000000}", "a price of 1e100000000"));
        requests.add(patch(price, "{\"unitPrice\":1e-100000000}", "a price of 1e-100000000"));
        requests.add(patch(price, "{\"unitPrice\":\"cheap\"}", "a price of the wrong type"));
        String restock = "/api/products/" + PRODUCT + "/restock";
        requests.add(post(restock, "{\"quantity\":1e100000000}", "a quantity of 1e100000000"));
        requests.add(post(restock, "{\"quantity\":1000001}", "a quantity beyond a million"));
        requests.add(post(restock, "{\"quantity\":0.5}", "a fractional quantity"));
        return requests.stream();
    }

    private static Arguments post(String path, String body, String what) {
        return Arguments.of("POST", path, body, what);
    }

    private static Arguments patch(String path, String body, String what) {
        return Arguments.of("PATCH", path, body, what);
    }

    private static String placeBody(String customerId, String addressName) {
        return Orders.placeOrder(newId(), "CUSTOMER")
                .replace("\"CUSTOMER\"", "\"" + customerId + "\"")
                .replace("\"Ada Lovelace\"", "\"" + addressName + "\"");
    }

    private static String placeWithLine(String line) {
        return placeWithLines(List.of(line));
    }

    private static String placeWithLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line("sku-" + i, "1", "1.00"));
        }
        return placeWithLines(lines);
    }

    private static String placeWithLines(List<String> lines) {
        return """
                {"orderId":"%s","customerId":"customer-1","currency":"EUR","lines":%s,
                 "shippingAddress":{"name":"Ada","street":"1 Main St","postalCode":"1000","city":"Brussels","country":"BE"}}
                """.formatted(newId(), lines);
    }

    private static String line(String productId, String quantity, String unitPrice) {
        return "{\"productId\":\"%s\",\"quantity\":%s,\"unitPrice\":%s}".formatted(productId, quantity, unitPrice);
    }

    private static String product(String unitPrice, String currency, String initialStock) {
        return "{\"productId\":\"%s\",\"name\":\"Mug\",\"unitPrice\":%s,\"currency\":\"%s\",\"initialStock\":%s}"
                .formatted("sku-" + UUID.randomUUID(), unitPrice, currency, initialStock);
    }

    private String placeOrder() {
        String orderId = newId();
        Response placed = http.post("/api/orders", Orders.placeOrder(orderId, "customer-hostile"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return orderId;
    }

    private long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    private static void assertSmallBadRequest(Response response) {
        assertThat(response.status()).as(abbreviated(response)).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().length()).as(abbreviated(response)).isLessThan(SMALL_ANSWER);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
    }

    private static String abbreviated(Response response) {
        String body = response.body();
        return response.status() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }

    private static String newId() {
        return "order-" + UUID.randomUUID();
    }
}
