package io.ordo.platform.storage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The metric {@code ordo.jdbc.commits} (tag {@code datasource}: the bean's name): durable commits made through each
 * {@link DataSource} bean, counted by {@link WritingCommits}. What an order costs the database is its commits
 * (each one forced to disk on the embedded store), so this is what the benchmark reports per order and what an
 * operator compares with the disk's limit. A counter is a {@link LongAdder}: no lock on the commit path.
 */
final class JdbcCommitMetrics implements BeanPostProcessor, MeterBinder {

    static final String METRIC = "ordo.jdbc.commits";

    private final Map<String, LongAdder> commits = new ConcurrentHashMap<>();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        LongAdder counter = commits.computeIfAbsent(beanName, name -> new LongAdder());
        // a data source created after the registries were bound is registered with them now
        registries.forEach(registry -> register(registry, beanName, counter));
        return WritingCommits.wrap(dataSource, connection -> counter.increment());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        commits.forEach((dataSource, counter) -> register(registry, dataSource, counter));
    }

    private static void register(MeterRegistry registry, String dataSource, LongAdder counter) {
        FunctionCounter.builder(METRIC, counter, LongAdder::sum)
                .description("durable JDBC commits: transactions that wrote, and writes in auto-commit mode")
                .tag("datasource", dataSource)
                .register(registry);
    }
}
