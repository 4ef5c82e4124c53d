package io.ordo.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the storage engine: records every read of one aggregate's events and the threads that store snapshots. Part of
 * every {@link HttpTest} context, so that the tests that watch the store ({@code AggregateCacheTest}, and
 * {@code SnapshotTest} with its own properties) share a context with the others; it only records, the engine answers.
 */
@TestConfiguration(proxyBeanMethods = false)
public final class StorageSpy {

    public record Read(String aggregateId, long firstSequenceNumber, AtomicInteger eventsRead) {}

    public static final List<Read> READS = new CopyOnWriteArrayList<>();
    public static final List<String> SNAPSHOT_THREADS = new CopyOnWriteArrayList<>();

    @Bean
    static BeanPostProcessor spyOnTheStorageEngine() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventStorageEngine engine ? spy(engine) : bean;
            }
        };
    }

    /**
     * A class-based proxy, so the engine keeps its type ({@code IndexedGapsEventStorageEngine} shares this context and
     * checks which engine is configured); the engine's own calls to itself stay inside it and are not counted twice.
     */
    private static EventStorageEngine spy(EventStorageEngine engine) {
        ProxyFactory proxy = new ProxyFactory(engine);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            String method = invocation.getMethod().getName();
            Object[] args = invocation.getArguments();
            if (method.equals("storeSnapshot")) {
                SNAPSHOT_THREADS.add(Thread.currentThread().getName());
            }
            // readEvents(id) when there is no snapshot, readEvents(id, first) after one
            if (method.equals("readEvents") && args[0] instanceof String aggregateId) {
                long first = args.length == 2 ? (Long) args[1] : 0;
                Read read = new Read(aggregateId, first, new AtomicInteger());
                READS.add(read);
                DomainEventStream events = (DomainEventStream) result;
                return DomainEventStream.of(
                        events.asStream().peek(event -> read.eventsRead().incrementAndGet()),
                        events::getLastSequenceNumber);
            }
            return result;
        });
        return (EventStorageEngine) proxy.getProxy();
    }
}
