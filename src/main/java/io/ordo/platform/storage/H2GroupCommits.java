package io.ordo.platform.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts an {@link H2GroupCommit} behind every connection pool on an H2 database that has a write delay, and counts its
 * stores as {@code ordo.h2.stores}. A URL with {@code WRITE_DELAY=0} makes H2 store each commit itself, as before
 * this existed: nothing is wrapped then, nor for any other database (PostgreSQL groups concurrent commits in its own
 * write-ahead log).
 */
public final class H2GroupCommits implements BeanPostProcessor, MeterBinder {

    static final String METRIC = "ordo.h2.stores";

    private static final Pattern WRITE_DELAY = Pattern.compile(";WRITE_DELAY=(\\d+)");

    private final Map<String, H2GroupCommit> groups = new ConcurrentHashMap<>();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && hasWriteDelay(pool.getJdbcUrl())) {
            H2GroupCommit group = groups.computeIfAbsent(beanName, name -> new H2GroupCommit());
            // a pool created after the registries were bound is registered with them now
            registries.forEach(registry -> register(registry, beanName, group));
            return WritingCommits.wrap(pool, group);
        }
        return bean;
    }

    /** An H2 URL without {@code WRITE_DELAY} has H2's default delay of 500 ms. */
    static boolean hasWriteDelay(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return false;
        }
        Matcher delay = WRITE_DELAY.matcher(url.toUpperCase(Locale.ROOT));
        return !delay.find() || Long.parseLong(delay.group(1)) > 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        groups.forEach((dataSource, group) -> register(registry, dataSource, group));
    }

    private static void register(MeterRegistry registry, String dataSource, H2GroupCommit group) {
        FunctionCounter.builder(METRIC, group, H2GroupCommit::stores)
                .description("writes of the H2 store forced for durable commits; each holds every commit before it")
                .tag("datasource", dataSource)
                .register(registry);
    }
}
