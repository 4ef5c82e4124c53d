package io.ordo.operations.audit;

import io.ordo.operations.audit.ProjectionAudit.Phase;
import io.ordo.operations.audit.ProjectionAudit.Status;
import io.ordo.operations.processors.ProcessorOperations;
import io.ordo.operations.processors.ProcessorStatus;
import io.ordo.operations.processors.ProcessorStatus.SegmentStatus;
import io.ordo.platform.projections.ProjectionTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One audit of one projection. Both sides are compared at one position of the event store:
 *
 * <ol>
 *   <li>the head position is taken, and the shadow tables are rebuilt with every event up to it;
 *   <li>the live processor is waited for (bounded) until every segment has passed that position;
 *   <li>the tables are compared in SQL.
 * </ol>
 *
 * The live processor does not stop meanwhile, so it may have gone past the position while the tables were compared.
 * The rows of an aggregate that no event after the position touched are exact. Those of one that was touched and
 * differ are re-checked: the shadow goes on to the new head, the live processor is waited for again, and only those
 * aggregates are compared again, a bounded number of times. On a quiet store the first comparison is the result,
 * unless a transaction below the position was still committing when the shadow passed it (a gap): then one more round
 * takes what filled the gap, and re-checks its aggregates.
 */
final class AuditRun {

    private static final Duration LIVE_POLL = Duration.ofMillis(50);

    private final ProjectionTables projection;
    private final List<SimpleEventHandlerInvoker> invokers;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProcessorOperations processors;
    private final AuditSettings settings;
    private volatile Phase phase = Phase.REBUILDING;
    private volatile long position = -1;
    private volatile ShadowFeed feed;

    AuditRun(
            ProjectionTables projection,
            List<SimpleEventHandlerInvoker> invokers,
            EventStore eventStore,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ProcessorOperations processors,
            AuditSettings settings) {
        this.projection = projection;
        this.invokers = invokers;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.processors = processors;
        this.settings = settings;
    }

    ProjectionAudit run(Instant startedAt) throws InterruptedException {
        ShadowSchema schema = new ShadowSchema(jdbc, projection);
        try (ShadowFeed feed = new ShadowFeed(eventStore, invokers, transactions, settings.batchSize())) {
            schema.create();
            this.feed = feed;
            position = head();
            feed.applyUpTo(position, null);
            awaitLive(position);
            List<TableComparison> tables = projection.tables().stream()
                    .map(table -> new TableComparison(jdbc, table))
                    .toList();
            Found found = compare(tables, owner -> true);
            Set<String> unsettled = Set.of();
            for (int recheck = 0; ; recheck++) {
                long head = head();
                if ((head <= position && !feed.hasGaps()) || found.truncated()) {
                    break; // nothing happened since the comparison, or too much differs to tell owners apart
                }
                Set<String> touched = new HashSet<>();
                phase = Phase.REBUILDING;
                feed.applyUpTo(Math.max(head, position), touched); // also events that filled gaps below it
                position = Math.max(head, position);
                Set<String> suspects =
                        found.owners().stream().filter(touched::contains).collect(Collectors.toSet());
                if (suspects.isEmpty()) {
                    break;
                }
                if (recheck == settings.rechecks()) {
                    unsettled = suspects;
                    break;
                }
                awaitLive(position);
                found = found.without(suspects).with(compare(tables, suspects::contains));
            }
            Found result = found.without(unsettled);
            long rows = schema.rows();
            return new ProjectionAudit(
                    projection.processingGroup(),
                    Status.COMPLETED,
                    null,
                    startedAt,
                    Instant.now(),
                    position,
                    feed.replayed(),
                    feed.failed(),
                    rows,
                    result.total(),
                    unsettled.size(),
                    result.differences().stream()
                            .sorted(Found.BY_TABLE_OWNER_KEY)
                            .limit(settings.maxDifferences())
                            .toList(),
                    null);
        } finally {
            schema.drop();
        }
    }

    /** The running audit as it is now. */
    ProjectionAudit progress(ProjectionAudit started) {
        ShadowFeed current = feed;
        return started.progressed(
                phase, position, current == null ? 0 : current.replayed(), current == null ? 0 : current.failed());
    }

    private Found compare(List<TableComparison> tables, Predicate<String> owners) {
        phase = Phase.COMPARING;
        List<Difference> held = new ArrayList<>();
        long total = 0;
        for (TableComparison table : tables) {
            total += table.compare(owners, settings.heldDifferences() - held.size(), held);
        }
        return new Found(held, total);
    }

    /** Waits until every segment of the live processor has handled the events up to {@code position}. */
    private void awaitLive(long position) throws InterruptedException {
        phase = Phase.WAITING_FOR_LIVE;
        Instant deadline = Instant.now().plus(settings.liveTimeout());
        String name = projection.processingGroup();
        while (true) {
            ProcessorStatus status = processors
                    .find(name)
                    .orElseThrow(() -> new IllegalStateException("the processor " + name + " is gone"));
            long reached = status.segments().stream()
                    .mapToLong(SegmentStatus::position)
                    .min()
                    .orElse(-1);
            if (reached >= position && !status.replaying()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live processor " + name + " did not reach position " + position
                        + " within ordo.audit.live-timeout (" + settings.liveTimeout() + "): its slowest segment is at "
                        + reached + (status.replaying() ? " and it is replaying" : ""));
            }
            Thread.sleep(LIVE_POLL.toMillis()); // production polling of a status, no test synchronisation
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The differences held (all of them unless truncated) and how many there are. */
    private record Found(List<Difference> differences, long total) {

        private static final Comparator<Difference> BY_TABLE_OWNER_KEY = Comparator.comparing(Difference::table)
                .thenComparing(Difference::owner)
                .thenComparing(difference -> difference.key().toString());

        boolean truncated() {
            return total > differences.size();
        }

        Set<String> owners() {
            return differences.stream().map(Difference::owner).collect(Collectors.toSet());
        }

        Found without(Set<String> owners) {
            List<Difference> kept = differences.stream()
                    .filter(difference -> !owners.contains(difference.owner()))
                    .toList();
            return new Found(kept, total - (differences.size() - kept.size()));
        }

        Found with(Found more) {
            List<Difference> all = new ArrayList<>(differences);
            all.addAll(more.differences());
            all.sort(BY_TABLE_OWNER_KEY);
            return new Found(all, total + more.total());
        }
    }
}
