package io.ordo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.client.api.HistoryApi;
import io.ordo.client.api.OrdersApi;
import io.ordo.client.api.PaymentsApi;
import io.ordo.client.api.ProductsApi;
import io.ordo.client.model.AddressRequest;
import io.ordo.client.model.AuditEntry;
import io.ordo.client.model.CancelRequest;
import io.ordo.client.model.ChangeQuantityRequest;
import io.ordo.client.model.CommandAccepted;
import io.ordo.client.model.LineRequest;
import io.ordo.client.model.OrderAsOf;
import io.ordo.client.model.OrderLine;
import io.ordo.client.model.OrderSummaryView;
import io.ordo.client.model.OrderView;
import io.ordo.client.model.PaymentAccepted;
import io.ordo.client.model.PaymentNotification;
import io.ordo.client.model.PlaceOrderRequest;
import io.ordo.client.model.ProductAccepted;
import io.ordo.client.model.ProductView;
import io.ordo.client.model.RegisterProductRequest;
import io.ordo.client.model.ShipRequest;
import io.ordo.support.HttpTest;
import io.ordo.support.PaymentProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's walkthrough, step by step, through a Java client generated from the committed API description
 * ({@code src/test/resources/openapi/ordo.json}, which ApiDescriptionTest keeps equal to the served one): what a client
 * author gets from the description must work against the service. The client reads answers strictly (a field the
 * description does not name fails), and every answer's status must be the one the description documents, since the
 * generated client itself takes any 2xx: a 201 documented as 200 fails here. Ids are fresh per run, as the test shares
 * its running service with the other HTTP tests.
 */
@HttpTest
class GeneratedClientWalkthroughTest {

    private static final Path DESCRIPTION = Path.of("src/test/resources/openapi/ordo.json");
    private static final BigDecimal MUG_PRICE = new BigDecimal("9.50");
    private static final BigDecimal TEA_PRICE = new BigDecimal("4.25");

    @LocalServerPort
    int port;

    private JsonNode description;
    private ProductsApi products;
    private OrdersApi orders;
    private HistoryApi history;
    private PaymentsApi provider;
    private ObjectMapper providerJson;

    @BeforeEach
    void clients() throws IOException {
        description = new ObjectMapper().readTree(DESCRIPTION.toFile());
        ApiClient clerk = client().setRequestInterceptor(request -> request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8))));
        products = new ProductsApi(clerk);
        orders = new OrdersApi(clerk);
        history = new HistoryApi(clerk);
        // the payment provider signs in with its signature, not as a user
        ApiClient unsigned = client();
        provider = new PaymentsApi(unsigned);
        providerJson = unsigned.getObjectMapper();
    }

    @Test
    void runsTheReadmeWalkthrough() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mug = "sku-mug-" + run;
        String tea = "sku-tea-" + run;
        String customer = "customer-" + run;

        // register the products the shop sells: 201 with Location and version 0
        for (String product : List.of(mug, tea)) {
            var registered = products.registerWithHttpInfo(
                    new RegisterProductRequest()
                            .productId(product)
                            .name(product.equals(mug) ? "Mug" : "Tea")
                            .unitPrice(product.equals(mug) ? MUG_PRICE : TEA_PRICE)
                            .currency("EUR")
                            .initialStock(100),
                    null,
                    null);
            assertDocumentedStatus("register", registered);
            assertThat(header(registered, "Location")).isEqualTo("/api/products/" + product);
            assertThat(registered.getData())
                    .extracting(ProductAccepted::getProductId, ProductAccepted::getVersion)
                    .containsExactly(product, 0L);
        }

        // place an order: a line needs only productId and quantity, its product adds name and price
        var placed = orders.placeWithHttpInfo(
                new PlaceOrderRequest()
                        .customerId(customer)
                        .currency("EUR")
                        .lines(List.of(new LineRequest().productId(mug).quantity(2)))
                        .shippingAddress(new AddressRequest()
                                .name("Ada Lovelace")
                                .street("1 Main St")
                                .postalCode("1000")
                                .city("Brussels")
                                .country("BE")),
                null,
                null);
        assertDocumentedStatus("place", placed);
        String orderId = placed.getData().getOrderId();
        assertThat(header(placed, "Location")).isEqualTo("/api/orders/" + orderId);
        assertThat(header(placed, "ETag")).isEqualTo("\"0\"");

        // change it while it is PLACED: add a line (1), change a quantity (2), remove a line (3)
        var added = orders.addLineWithHttpInfo(
                orderId, new LineRequest().productId(tea).quantity(1), null, null, null);
        assertVersion("addLine", added, 1);
        var changed = orders.changeQuantityWithHttpInfo(
                orderId, tea, new ChangeQuantityRequest().quantity(3), null, null, null);
        assertVersion("changeQuantity", changed, 2);
        var removed = orders.removeLineWithHttpInfo(orderId, mug, null, null);
        assertVersion("removeLine", removed, 3);

        // confirm at the version the client last saw (4); confirming again records nothing: 4, or 5 once the
        // saga's PaymentRequested has landed
        var confirmed = orders.confirmWithHttpInfo(orderId, header(removed, "ETag"), null, null);
        assertVersion("confirm", confirmed, 4);
        assertThat(orders.confirm(orderId, null, null, null).getVersion()).isIn(4L, 5L);

        // the saga reserves the tea and asks for payment (5); read your own write
        OrderView awaitingPayment = orders.order(orderId, 5L, null);
        assertThat(awaitingPayment.getStatus()).isEqualTo(OrderView.StatusEnum.CONFIRMED);
        assertThat(awaitingPayment.getPaymentStatus()).isEqualTo(OrderView.PaymentStatusEnum.REQUESTED);
        assertThat(awaitingPayment.getStock()).isEqualTo(OrderView.StockEnum.RESERVED);
        assertThat(awaitingPayment.getTotal()).isEqualByComparingTo("12.75");
        assertThat(awaitingPayment.getLines())
                .extracting(OrderLine::getProductId, OrderLine::getQuantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tea, 3));

        // the provider's signed webhook with the order total, 3 x 4.25: PAID (6)
        PaymentNotification payment = new PaymentNotification()
                .providerReference("psp-" + run)
                .outcome(PaymentNotification.OutcomeEnum.AUTHORIZED)
                .amount(new BigDecimal("12.75"));
        // the client sends what its own mapper writes, so that is what is signed
        String body = providerJson.writeValueAsString(payment);
        var paid = provider.paymentOutcomeWithHttpInfo(
                orderId,
                payment,
                null,
                null,
                Map.of(
                        PaymentProvider.HEADER,
                        PaymentProvider.signature(PaymentProvider.DEVELOPMENT_SECRET, Instant.now(), body)));
        assertDocumentedStatus("paymentOutcome", paid);
        assertThat(paid.getData()).extracting(PaymentAccepted::getVersion).isEqualTo(6L);

        // ship (7; the saga commits the reserved stock) and deliver (8), each at the version last seen
        var shipped = orders.shipWithHttpInfo(
                orderId, new ShipRequest().carrier("bpost").trackingNumber("BP123456789BE"), "\"6\"", null, null);
        assertVersion("ship", shipped, 7);
        var delivered = orders.deliverWithHttpInfo(orderId, header(shipped, "ETag"), null, null);
        assertVersion("deliver", delivered, 8);
        var read = orders.orderWithHttpInfo(orderId, 8L, null);
        assertDocumentedStatus("order", read);
        assertThat(header(read, "ETag")).isEqualTo("\"8\"");
        assertThat(read.getData().getStatus()).isEqualTo(OrderView.StatusEnum.DELIVERED);
        assertThat(read.getData().getShipment().getTrackingNumber()).isEqualTo("BP123456789BE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(products.product(tea, null))
                        .extracting(ProductView::getAvailable, ProductView::getReserved, ProductView::getCommitted)
                        .containsExactly(97, 0, 3));

        // list and filter; and the customer's orders
        var delivereds = orders.ordersWithHttpInfo("DELIVERED", customer, 0, 20, null);
        assertDocumentedStatus("orders", delivereds);
        assertThat(delivereds.getData().getContent())
                .extracting(OrderSummaryView::getOrderId)
                .containsExactly(orderId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(orders.customerOrders(customer, null).getOrderCount())
                                .isEqualTo(1L));

        // the audit trail: every event of the order, in order; and the order as it was just after version 3
        var events = orders.orderEventsWithHttpInfo(orderId, null);
        assertDocumentedStatus("orderEvents", events);
        List<Long> sequences = new ArrayList<>();
        events.getData().getEvents().stream().map(AuditEntry::getSequence).forEach(sequences::add);
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events.getData().getEvents().get(0).getType()).endsWith("OrderPlaced");
        var asOf = history.orderAsOfWithHttpInfo(orderId, null, 3L, null);
        assertDocumentedStatus("orderAsOf", asOf);
        assertThat(asOf.getData().getStatus()).isEqualTo(OrderAsOf.StatusEnum.PLACED);
        assertThat(asOf.getData().getLines())
                .extracting(OrderLine::getProductId)
                .containsExactly(tea);

        // a command the state forbids: 409 problem+json saying why
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> orders.cancel(orderId, new CancelRequest().reason("too late"), null, null, null));
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(orders.order(orderId, null, null).getStatus()).isEqualTo(OrderView.StatusEnum.DELIVERED);
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        // strict: an answer with a field the description does not name fails the walkthrough
        client.setObjectMapper(
                client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        return client;
    }

    private void assertVersion(String operationId, ApiResponse<CommandAccepted> response, long version) {
        assertDocumentedStatus(operationId, response);
        assertThat(response.getData().getVersion()).as(operationId).isEqualTo(version);
        assertThat(header(response, "ETag")).as(operationId).isEqualTo("\"" + version + "\"");
    }

    /** The generated client takes any 2xx; the answer must be the one success the description documents. */
    private void assertDocumentedStatus(String operationId, ApiResponse<?> response) {
        List<String> documented = new ArrayList<>();
        description
                .get("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.path("operationId").asText().equals(operationId)) {
                        operation.get("responses").fieldNames().forEachRemaining(status -> {
                            if (status.startsWith("2")) {
                                documented.add(status);
                            }
                        });
                    }
                }));
        assertThat(documented)
                .as("the successes documented for %s", operationId)
                .hasSize(1);
        assertThat(String.valueOf(response.getStatusCode()))
                .as("%s answered a status the description does not document", operationId)
                .isEqualTo(documented.get(0));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElse(null);
    }
}
