package io.ordo.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.actuate.autoconfigure.tracing.ConditionalOnEnabledTracing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's spans (command dispatch and handling, event publication, each processor's and the saga's handling) on the
 * OpenTelemetry instance Spring Boot builds for the HTTP spans, so a command sent while a request is handled is a
 * child of that request's span, and the trace context travels in the messages' metadata to the processors and the
 * saga's follow-up commands. Axon's own auto-configuration would use {@code GlobalOpenTelemetry} instead: a second
 * instance, or a global one set as a side effect. Tracing is off unless {@code management.tracing.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    @ConditionalOnEnabledTracing
    SpanFactory openTelemetrySpans(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    /** Tracing off: Axon makes no span and adds nothing to the messages. */
    @Bean
    @ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
    SpanFactory noSpans() {
        return NoOpSpanFactory.INSTANCE;
    }

    /**
     * Tracing off: Spring Boot still builds its tracer then (only the exporters depend on the switch) and would record
     * a span of every request at the sampling probability, for nobody; none is recorded instead.
     */
    @Bean
    @ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
    Sampler noSampling() {
        return Sampler.alwaysOff();
    }
}
