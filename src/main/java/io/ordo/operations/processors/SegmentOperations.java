package io.ordo.operations.processors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

/**
 * Splits and merges the segments of a streaming processor, with Axon's own tasks: the processor's coordinator claims
 * the segment (two for a merge) if this instance does not hold it yet, rewrites the tokens and releases them, so any
 * instance may claim the result. A segment that another instance holds cannot be claimed here: the change is
 * refused, and must be made on that instance (or once its claim has expired).
 */
@Service
public class SegmentOperations {

    /** How long the coordinator may take to claim, rewrite and release; it waits for a running batch to finish. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;

    SegmentOperations(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Splits the segment in two halves of its sequences; the new segment starts from the same position. */
    public void split(String processor, int segment) {
        change(processor, segment, "split", StreamingEventProcessor::splitSegment);
    }

    /** Merges the segment with its sibling (the other half it was split from), into one segment. */
    public void merge(String processor, int segment) {
        change(processor, segment, "merge", StreamingEventProcessor::mergeSegment);
    }

    private void change(
            String name,
            int segment,
            String what,
            BiFunction<StreamingEventProcessor, Integer, CompletableFuture<Boolean>> change) {
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new SegmentChangeRefused("no streaming processor named " + name));
        if (!processor.isRunning()) {
            throw new SegmentChangeRefused(name + " does not run on this instance; " + what + " it where it runs");
        }
        boolean done;
        try {
            done = change.apply(processor, segment).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentChangeRefused("interrupted while the " + what + " of segment " + segment + " ran");
        } catch (ExecutionException | TimeoutException e) {
            done = false;
        }
        if (!done) {
            throw new SegmentChangeRefused("could not " + what + " segment " + segment + " of " + name
                    + ": it does not exist" + ("merge".equals(what) ? ", it is the only one," : "")
                    + " or another instance holds it (or its sibling)");
        }
    }

    /** A split or merge that did not happen, with a sentence an operator can act on. */
    public static class SegmentChangeRefused extends RuntimeException {
        SegmentChangeRefused(String message) {
            super(message);
        }
    }
}
