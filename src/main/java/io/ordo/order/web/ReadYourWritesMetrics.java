package io.ordo.order.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code ordo.read_your_writes.waiters}: reads waiting for {@code ?minVersion=} now, against the max-waiters bound. */
@Component
class ReadYourWritesMetrics implements MeterBinder {

    private final ReadYourWrites reads;

    ReadYourWritesMetrics(ReadYourWrites reads) {
        this.reads = reads;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ordo.read_your_writes.waiters", reads, ReadYourWrites::waiting)
                .description("reads waiting for a version of an order")
                .register(registry);
    }
}
