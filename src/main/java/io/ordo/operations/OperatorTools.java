package io.ordo.operations;

import io.ordo.operations.audit.ProjectionAudit;
import io.ordo.operations.audit.ProjectionAuditor;
import io.ordo.operations.deadletters.DeadLetterOperations;
import io.ordo.operations.deadletters.DeadLetterView;
import io.ordo.operations.deadletters.ParkedLetter;
import io.ordo.operations.processors.ProcessorOperations;
import io.ordo.operations.processors.ProcessorStatus;
import io.ordo.operations.processors.SegmentOperations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the console's operations screens may do, and nothing more: the one door from the console into this feature
 * (ArchitectureTest lets it use this package only, as other features use each other's {@code api}). It speaks in its
 * own records, so the services behind it stay free to change.
 */
@Service
public class OperatorTools {

    private final ProcessorOperations processors;
    private final SegmentOperations segments;
    private final DeadLetterOperations deadLetters;
    private final ProjectionAuditor audits;
    private final ReplayRates rates = new ReplayRates(Clock.systemUTC());

    OperatorTools(
            ProcessorOperations processors,
            SegmentOperations segments,
            DeadLetterOperations deadLetters,
            ProjectionAuditor audits) {
        this.processors = processors;
        this.segments = segments;
        this.deadLetters = deadLetters;
        this.audits = audits;
    }

    public List<ProcessorOverview> processors() {
        return processors.list().stream().map(this::overview).toList();
    }

    /** @throws UnknownProcessor if no processor of that name runs here */
    public ProcessorOverview processor(String name) {
        return overview(status(name));
    }

    /** @throws UnknownProcessor if no processor of that name runs here */
    public ReplayProgress replayProgress(String name) {
        return rates.progress(status(name));
    }

    /**
     * Starts a full rebuild of the processor's read models (see {@link ProcessorOperations#replay}).
     *
     * @throws OperationRefused while it replays, for one that must not replay, or while another instance holds its
     *     segments
     */
    public ReplayProgress replay(String name) {
        status(name);
        try {
            ProcessorStatus started = processors.replay(name);
            rates.started(name);
            return rates.progress(started);
        } catch (ProcessorOperations.ReplayRefused refused) {
            throw new OperationRefused(refused.getMessage());
        }
    }

    public ProcessorOverview split(String name, int segment) {
        return changeSegments(name, () -> segments.split(name, segment));
    }

    public ProcessorOverview merge(String name, int segment) {
        return changeSegments(name, () -> segments.merge(name, segment));
    }

    /** @throws UnknownProcessor if the processor has no dead-letter queue */
    public ParkedEvents parked(String processor) {
        DeadLetterView view = deadLetters.find(processor).orElseThrow(() -> noQueue(processor));
        return new ParkedEvents(
                processor,
                view.parked().stream()
                        .map(sequence -> new ParkedEvents.Sequence(
                                sequence.sequenceId(),
                                sequence.letters().stream()
                                        .map(letter -> new ParkedEvents.Letter(
                                                letter.eventId(),
                                                letter.type(),
                                                letter.sequenceNumber(),
                                                seconds(letter.enqueuedAt()),
                                                seconds(letter.lastTouched()),
                                                letter.cause()))
                                        .toList()))
                        .toList());
    }

    /**
     * @throws UnknownProcessor if the processor has no dead-letter queue
     * @throws OperationRefused if that event is not parked (any more)
     */
    public ParkedEvents.Detail parkedEvent(String processor, String sequenceId, String eventId) {
        requireQueue(processor);
        return deadLetters
                .letter(processor, sequenceId, eventId)
                .map(OperatorTools::detail)
                .orElseThrow(() -> new OperationRefused("that event is not parked in " + processor + " (any more)"));
    }

    /**
     * Retries a parked sequence once.
     *
     * @return whether every event of it was handled and it left the queue
     * @throws OperationRefused if nothing of that sequence is parked
     */
    public boolean retry(String processor, String sequenceId) {
        requireQueue(processor);
        return deadLetters.retry(processor, sequenceId).orElseThrow(() -> notParked(processor, sequenceId));
    }

    /** Gives up on a parked sequence: its events leave the queue unhandled. */
    public void evict(String processor, String sequenceId) {
        requireQueue(processor);
        if (!deadLetters.evict(processor, sequenceId)) {
            throw notParked(processor, sequenceId);
        }
    }

    private ProcessorOverview changeSegments(String name, Runnable change) {
        status(name);
        try {
            change.run();
        } catch (SegmentOperations.SegmentChangeRefused refused) {
            throw new OperationRefused(refused.getMessage());
        }
        return processor(name);
    }

    private ProcessorStatus status(String name) {
        return processors.find(name).orElseThrow(() -> new UnknownProcessor("no event processor named " + name));
    }

    private void requireQueue(String processor) {
        if (!deadLetters.hasQueue(processor)) {
            throw noQueue(processor);
        }
    }

    private static UnknownProcessor noQueue(String processor) {
        return new UnknownProcessor("no processor named " + processor + " has a dead-letter queue");
    }

    private static OperationRefused notParked(String processor, String sequenceId) {
        return new OperationRefused("nothing of " + sequenceId + " is parked in " + processor + " (any more)");
    }

    private ProcessorOverview overview(ProcessorStatus status) {
        List<ProcessorOverview.Segment> segments = status.segments().stream()
                .map(segment -> new ProcessorOverview.Segment(
                        segment.segment(),
                        segment.owner(),
                        segment.claimedHere(),
                        segment.position(),
                        segment.lag(),
                        segment.replaying(),
                        segment.error()))
                .toList();
        return new ProcessorOverview(
                status.name(),
                status.mode(),
                state(status),
                status.supportsReplay(),
                !"subscribing".equals(status.mode()),
                status.headPosition(),
                status.lag(),
                deadLetters.hasQueue(status.name()),
                status.deadLetters(),
                status.problems(),
                segments,
                lastAudit(status.name()));
    }

    private static String state(ProcessorStatus status) {
        if (status.replaying()) {
            return "replaying";
        }
        if (status.errorState()) {
            return "error";
        }
        boolean stalled = status.segments().stream().anyMatch(segment -> segment.owner() == null && segment.lag() > 0);
        return stalled ? "stalled" : "running";
    }

    private ProcessorOverview.Audit lastAudit(String name) {
        if (!audits.projections().contains(name)) {
            return null;
        }
        return audits.latest(name).map(OperatorTools::audit).orElse(null);
    }

    private static ProcessorOverview.Audit audit(ProjectionAudit audit) {
        return new ProcessorOverview.Audit(
                audit.status().name(), seconds(audit.finishedAt()), audit.differenceCount(), audit.failure());
    }

    /** Screens show times to the second: the digits after it say nothing to an operator. */
    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static ParkedEvents.Detail detail(ParkedLetter letter) {
        return new ParkedEvents.Detail(
                letter.processor(),
                letter.sequenceId(),
                letter.eventId(),
                letter.type(),
                letter.sequenceNumber(),
                seconds(letter.timestamp()),
                seconds(letter.enqueuedAt()),
                seconds(letter.lastTouched()),
                letter.causeType(),
                letter.cause(),
                letter.retries(),
                letter.diagnostics(),
                letter.payloadJson(),
                letter.payloadTruncated());
    }
}
