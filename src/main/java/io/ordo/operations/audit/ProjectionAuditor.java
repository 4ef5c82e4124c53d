package io.ordo.operations.audit;

import io.ordo.operations.processors.ProcessorOperations;
import io.ordo.platform.projections.ProjectionTables;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts projection audits, one at a time per projection on this instance, each on a thread of its own, and keeps the
 * last finished one of each ({@link FinishedAudits}). The projections audited are the processing groups whose feature
 * declared its tables ({@link ProjectionTables}) and that have a processor here.
 */
@Service
@EnableConfigurationProperties(AuditSettings.class)
public class ProjectionAuditor {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAuditor.class);

    private final Map<String, ProjectionTables> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProcessorOperations processors;
    private final AuditSettings settings;
    private final ProjectionAuditMetrics metrics;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final FinishedAudits finished;
    private final ExecutorService threads = Executors.newCachedThreadPool(auditThreads());

    ProjectionAuditor(
            List<ProjectionTables> projections,
            EventProcessingConfiguration processing,
            EventStore eventStore,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            ProcessorOperations processors,
            AuditSettings settings,
            FinishedAudits finished,
            ProjectionAuditMetrics metrics) {
        this.projections =
                projections.stream().collect(Collectors.toMap(ProjectionTables::processingGroup, Function.identity()));
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.processors = processors;
        this.settings = settings;
        this.finished = finished;
        this.metrics = metrics;
        this.projections.keySet().forEach(name -> metrics.register(name, () -> lastFinished(name)));
    }

    /** The names of the projections that can be audited. */
    public SortedSet<String> projections() {
        return projections.keySet().stream()
                .filter(name -> processing.eventProcessor(name).isPresent())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The running audit of the projection, or else its last finished one. */
    public Optional<ProjectionAudit> latest(String name) {
        return Optional.ofNullable(running.get(name))
                .map(audit -> audit.run().progress(audit.started()))
                .or(() -> lastFinished(name));
    }

    /**
     * Starts an audit of the projection (one of {@link #projections()}) and answers it as running; refused while one
     * runs or while its processor replays (its tables are being emptied and rebuilt then).
     */
    public ProjectionAudit start(String name) {
        ProjectionTables tables = projections.get(name);
        List<SimpleEventHandlerInvoker> invokers = processing
                .eventProcessor(name, AbstractEventProcessor.class)
                .map(processor -> invokers(processor.eventHandlerInvoker()))
                .orElseThrow(() -> new IllegalArgumentException("no processor " + name));
        if (processors.find(name).orElseThrow().replaying()) {
            throw new AuditRefused("the processor " + name + " is replaying; audit it once the replay is done");
        }
        ProjectionAudit started = ProjectionAudit.running(name, Instant.now());
        AuditRun run = new AuditRun(tables, invokers, eventStore, jdbc, transactions, processors, settings);
        Running current = running.putIfAbsent(name, new Running(started, run));
        if (current != null) {
            throw new AuditRefused("an audit of " + name + " is running since "
                    + current.started().startedAt());
        }
        threads.execute(() -> finish(started, run));
        return started;
    }

    private void finish(ProjectionAudit started, AuditRun run) {
        String name = started.projection();
        ProjectionAudit result;
        try {
            result = run.run(started.startedAt());
            log.info(
                    "Audit of projection {}: {} differences at position {} ({} events replayed, {} failed)",
                    name,
                    result.differenceCount(),
                    result.position(),
                    result.eventsReplayed(),
                    result.eventsFailed());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            result = started.failed(Instant.now(), "the instance stopped during the audit");
        } catch (RuntimeException failed) {
            log.warn("Audit of projection {} failed", name, failed);
            result = started.failed(Instant.now(), String.valueOf(failed.getMessage()));
        }
        try {
            finished.keep(result);
        } catch (RuntimeException notKept) {
            log.warn("The audit of projection {} could not be kept: {}", name, notKept.toString());
        } finally {
            running.remove(name);
        }
        metrics.recorded(result);
    }

    private Optional<ProjectionAudit> lastFinished(String name) {
        return finished.last(name);
    }

    /** The plain invokers inside the processor's: their handlers, without the dead-letter queue around them. */
    private static List<SimpleEventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        List<SimpleEventHandlerInvoker> found = new ArrayList<>();
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> found.addAll(invokers(delegate)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            found.add(simple);
        }
        return found;
    }

    private static ThreadFactory auditThreads() {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("projection-audit-");
        factory.setDaemon(true);
        return factory;
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    private record Running(ProjectionAudit started, AuditRun run) {}

    /** An audit that cannot start now. */
    public static class AuditRefused extends RuntimeException {
        AuditRefused(String message) {
            super(message);
        }
    }
}
