package io.ordo.platform.tracing;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.util.UUID;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Tracing is off unless switched on: nothing traces, nothing exports, and messages carry no trace context. */
@HttpTest
class TracingOffTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    HttpJson http;

    @Test
    void makesNoSpansExportsNothingAndAddsNothingToTheEvents() {
        assertThat(context.getBean(SpanFactory.class)).isSameAs(NoOpSpanFactory.INSTANCE);
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        assertThat(context.getBean(Sampler.class)).as("no span is recorded").isEqualTo(Sampler.alwaysOff());

        Products.ensureStandardProducts(http);
        String orderId = "untraced-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "untraced")).status())
                .isEqualTo(201);
        assertThat(http.get("/api/orders/" + orderId + "/events")
                        .json()
                        .at("/events/0/metadata")
                        .has("traceparent"))
                .isFalse();
    }
}
