package io.ordo.platform.tracing;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With tracing on, each request is one trace through everything it causes: the HTTP span, the command, the events it
 * appended, every projection's handling of them, the saga and the commands it sends in turn. The spans are collected in
 * memory instead of exported; this class pays for a context of its own, since tracing is off in the others.
 */
@HttpTest
@TestPropertySource(properties = "management.tracing.enabled=true")
@Import(TracingTest.CollectedSpans.class)
class TracingTest {

    private static final AttributeKey<String> URL = AttributeKey.stringKey("http.url");
    private static final AttributeKey<String> AGGREGATE = AttributeKey.stringKey("axon_aggregate_identifier");

    @TestConfiguration(proxyBeanMethods = false)
    static class CollectedSpans {

        /** Spring Boot hands every SpanExporter bean the finished spans, as it would the OTLP exporter. */
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    HttpJson http;

    @Autowired
    InMemorySpanExporter spans;

    @BeforeEach
    void products() {
        Products.ensureStandardProducts(http);
    }

    @Test
    void placingAnOrderIsOneTraceFromTheRequestThroughEveryProjection() {
        String orderId = "trace-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "trace-customer"))
                        .status())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = traceOf(orderId, "EventBus.publishEvent(OrderPlaced)");
            assertOneTreeUnder(trace, "http post /api/orders");
            assertThat(names(trace))
                    .contains(
                            "CommandBus.dispatchCommand(PlaceOrder)",
                            "CommandBus.handleCommand(PlaceOrder)",
                            "Order.handle(PlaceOrder)",
                            "EventBus.commitEvents",
                            "StreamingEventProcessor.process(OrderPlaced)",
                            "OrderSummaryProjection.on(OrderPlaced,long,Instant)",
                            "OrderDetailProjection.on(OrderPlaced,long,Instant)",
                            "CustomerOrdersProjection.on(OrderPlaced,Instant)");
            assertThat(parentOf(trace, "CommandBus.dispatchCommand(PlaceOrder)").getName())
                    .as("the command is sent from within the request's span")
                    .isEqualTo("http post /api/orders");
        });
    }

    @Test
    void confirmingAnOrderIsOneTraceFromTheRequestThroughTheSagaAndItsFollowUpCommands() {
        String orderId = "trace-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "trace-customer"))
                        .status())
                .isEqualTo(201);

        assertThat(http.post("/api/orders/" + orderId + "/confirm", null).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = traceOf(orderId, "EventBus.publishEvent(OrderConfirmed)");
            assertOneTreeUnder(trace, "http post /api/orders/{orderId}/confirm");
            assertThat(trace)
                    .filteredOn(span -> span.getParentSpanId().equals(SpanId.getInvalid()))
                    .extracting(span -> span.getAttributes().get(URL))
                    .containsExactly("/api/orders/" + orderId + "/confirm");
            assertThat(names(trace))
                    .contains(
                            "CommandBus.dispatchCommand(ConfirmOrder)",
                            "CommandBus.handleCommand(ConfirmOrder)",
                            "Repository.load",
                            "EventBus.commitEvents",
                            "OrderSummaryProjection.on(OrderConfirmed,long,Instant)",
                            "OrderDetailProjection.on(OrderConfirmed,long,Instant)",
                            "SagaManager.createSaga(OrderFulfilmentSaga)(OrderConfirmed)",
                            "OrderFulfilmentSaga.on(OrderConfirmed,CommandGateway)",
                            "CommandBus.dispatchCommand(ReserveStock)",
                            "Product.handle(ReserveStock)",
                            "EventBus.publishEvent(StockReserved)",
                            "ProductProjection.on(StockReserved,long,Instant)",
                            "SagaManager.invokeSaga(OrderFulfilmentSaga)(StockReserved)",
                            "CommandBus.handleCommand(RequestPayment)",
                            "OrderSummaryProjection.on(PaymentRequested,long,Instant)");
            assertThat(parentOf(trace, "CommandBus.dispatchCommand(ConfirmOrder)")
                            .getName())
                    .isEqualTo("http post /api/orders/{orderId}/confirm");
            assertThat(parentOf(trace, "CommandBus.dispatchCommand(ReserveStock)")
                            .getName())
                    .as("the saga sends its command from within its handling of the event")
                    .isEqualTo("OrderFulfilmentSaga.on(OrderConfirmed,CommandGateway)");
        });
    }

    /** Every finished span of the trace in which {@code spanName} was made for the aggregate {@code aggregateId}. */
    private List<SpanData> traceOf(String aggregateId, String spanName) {
        List<SpanData> all = spans.getFinishedSpanItems();
        String traceId = all.stream()
                .filter(span -> span.getName().equals(spanName)
                        && aggregateId.equals(span.getAttributes().get(AGGREGATE)))
                .map(SpanData::getTraceId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + spanName + " for " + aggregateId + " yet"));
        return all.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** One root, the request's span, and every other span's parent in the same trace: nothing started a trace apart. */
    private static void assertOneTreeUnder(List<SpanData> trace, String rootName) {
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        assertThat(trace)
                .filteredOn(span -> span.getParentSpanId().equals(SpanId.getInvalid()))
                .extracting(SpanData::getName)
                .containsExactly(rootName);
        assertThat(trace)
                .filteredOn(span -> !span.getParentSpanId().equals(SpanId.getInvalid()))
                .allSatisfy(span -> assertThat(ids).as(span.getName()).contains(span.getParentSpanId()));
    }

    private static SpanData parentOf(List<SpanData> trace, String spanName) {
        SpanData child = trace.stream()
                .filter(span -> span.getName().equals(spanName))
                .findFirst()
                .orElseThrow();
        return trace.stream()
                .filter(span -> span.getSpanId().equals(child.getParentSpanId()))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> names(List<SpanData> trace) {
        return trace.stream().map(SpanData::getName).toList();
    }
}
