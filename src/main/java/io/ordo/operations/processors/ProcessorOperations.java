package io.ordo.operations.processors;

import io.ordo.operations.processors.ProcessorStatus.SegmentStatus;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status and replay of the event processors. Positions and owners come from the token store, which every node
 * shares, so the list is the whole cluster's; error and replay progress come from this node's own segments.
 */
@Service
public class ProcessorOperations {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EntityManager entityManager;
    private final Serializer tokenSerializer;
    private final Map<String, Boolean> replaysStarting = new ConcurrentHashMap<>();

    ProcessorOperations(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            EntityManager entityManager,
            @Qualifier("serializer") Serializer tokenSerializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.entityManager = entityManager;
        this.tokenSerializer = tokenSerializer;
    }

    @Transactional(readOnly = true)
    public List<ProcessorStatus> list() {
        long head = headPosition();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProcessorStatus> find(String name) {
        return processing.eventProcessor(name).map(processor -> status(processor, headPosition()));
    }

    /**
     * Rebuilds the processor's read models: stops it, resets its tokens to the start of the store, and starts it
     * again; its {@code @ResetHandler}s clear the tables first. Only from the start: the reset handlers empty every
     * table, so a replay from later would lose the rows of older events (see the controller).
     * In a cluster, stop the processor on the other nodes first: a reset needs every segment.
     */
    public ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ReplayRefused("no streaming processor named " + name));
        if (!processor.supportsReset()) {
            throw new ReplayRefused(name + " does not support replay: its handlers must not run twice");
        }
        if (replaysStarting.putIfAbsent(name, true) != null
                || find(name).orElseThrow().replaying()) {
            replaysStarting.remove(name, true);
            throw new ReplayRefused(name + " is already replaying");
        }
        try {
            processor.shutdownAsync().join();
            try {
                processor.resetTokens(eventStore.createTailToken());
            } catch (UnableToClaimTokenException claimedElsewhere) {
                throw new ReplayRefused("another node holds segments of " + name + "; stop it there first");
            } finally {
                processor.start();
            }
            return find(name).orElseThrow();
        } finally {
            replaysStarting.remove(name);
        }
    }

    private ProcessorStatus status(EventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> local =
                processor instanceof StreamingEventProcessor streaming ? streaming.processingStatus() : Map.of();
        List<SegmentStatus> segments = tokens(processor.getName()).stream()
                .map(entry -> segment(entry, local.get(entry.getSegment()), head))
                .toList();
        long deadLetters = processing
                .deadLetterQueue(processor.getName())
                .map(SequencedDeadLetterQueue::size)
                .orElse(0L);
        return new ProcessorStatus(
                processor.getName(),
                mode(processor),
                processor instanceof StreamingEventProcessor streaming && streaming.supportsReset(),
                segments.stream().anyMatch(SegmentStatus::replaying),
                head,
                segments.stream().mapToLong(SegmentStatus::lag).max().orElse(0),
                local.values().stream().anyMatch(EventTrackerStatus::isErrorState),
                deadLetters,
                problems(segments, deadLetters),
                segments);
    }

    /**
     * A segment held elsewhere is that instance's to report; one that nobody holds while events wait is everyone's
     * problem (an instance that stopped, or none left that runs the processor).
     */
    private static List<String> problems(List<SegmentStatus> segments, long deadLetters) {
        List<String> problems = new ArrayList<>();
        segments.forEach(segment -> {
            if (segment.error() != null) {
                problems.add("segment " + segment.segment() + " is in error: " + segment.error());
            } else if (segment.owner() == null && segment.lag() > 0) {
                problems.add("segment " + segment.segment() + " is " + segment.lag() + " events behind and unclaimed");
            }
        });
        if (deadLetters > 0) {
            problems.add(deadLetters + " events parked in the dead-letter queue");
        }
        return List.copyOf(problems);
    }

    /**
     * A segment this node holds reports its live position; one held elsewhere, the position last stored. Replaying
     * means still short of where the processor was when it was reset: Axon keeps the replay token until the next
     * new event, but the rebuild is done once the reset position is reached.
     */
    private SegmentStatus segment(TokenEntry entry, EventTrackerStatus local, long head) {
        long position;
        long resetPosition;
        if (local != null) {
            // the live status: Axon may hand it the unwrapped token, but it keeps the replay's bounds itself
            position = local.getCurrentPosition().orElse(-1);
            resetPosition = local.isReplaying() ? local.getResetPosition().orElse(-1) : -1;
        } else {
            TrackingToken token = entry.getToken(tokenSerializer);
            position = positionOf(token);
            resetPosition = ReplayToken.isReplay(token) ? positionOf(((ReplayToken) token).getTokenAtReset()) : -1;
        }
        boolean replaying = position < resetPosition;
        return new SegmentStatus(
                entry.getSegment(),
                entry.getOwner(),
                local != null,
                position,
                Math.max(0, head - position),
                replaying,
                replaying ? (int) (Math.max(0, position) * 100 / resetPosition) : null,
                local != null && local.isErrorState()
                        ? String.valueOf(local.getError().getMessage())
                        : null,
                replaying ? resetPosition : -1);
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private List<TokenEntry> tokens(String processorName) {
        return entityManager
                .createQuery(
                        "select t from TokenEntry t where t.processorName = :name order by t.segment", TokenEntry.class)
                .setParameter("name", processorName)
                .getResultList();
    }

    private long headPosition() {
        return positionOf(eventStore.createHeadToken());
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        return processor instanceof StreamingEventProcessor ? "tracking" : "subscribing";
    }

    /** A replay that cannot start now: unknown processor, one that must not replay, or one already replaying. */
    public static class ReplayRefused extends RuntimeException {
        ReplayRefused(String message) {
            super(message);
        }
    }
}
