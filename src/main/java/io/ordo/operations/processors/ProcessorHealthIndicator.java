package io.ordo.operations.processors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} health component: {@link #DEGRADED} while any processor has a problem (a segment in
 * error, a segment behind that nobody claims, events in its dead-letter queue), so the overall health says the read
 * side needs an operator. Degraded, not down: commands are still taken and every other event is still projected, so
 * a load balancer must keep sending traffic (application.yml maps it to HTTP 200 and orders it between DOWN and UP).
 */
@Component("eventProcessors")
class ProcessorHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a processor needs an operator: see its problems");

    private final RecentProcessorStatus processors;

    ProcessorHealthIndicator(RecentProcessorStatus processors) {
        super("event processors cannot be read");
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProcessorStatus> all = processors.all();
        Map<String, Object> problems = new LinkedHashMap<>();
        all.stream()
                .filter(processor -> !processor.healthy())
                .forEach(processor -> problems.put(processor.name(), processor.problems()));
        builder.status(problems.isEmpty() ? Status.UP : DEGRADED)
                .withDetail("processors", all.size())
                .withDetail("problems", problems);
    }
}
