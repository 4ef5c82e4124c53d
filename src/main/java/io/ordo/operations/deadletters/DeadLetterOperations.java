package io.ordo.operations.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.operations.deadletters.DeadLetterView.Letter;
import io.ordo.operations.deadletters.DeadLetterView.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Looks into, retries and evicts the dead-letter queues of the event processors that have one. */
@Service
public class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    /** The most characters of a payload's JSON that {@link #letter} shows: a page, not a whole document. */
    public static final int PAYLOAD_LIMIT = 8_000;

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final ObjectMapper json;

    DeadLetterOperations(EventProcessingConfiguration processing, TransactionManager transactions, ObjectMapper json) {
        this.processing = processing;
        this.transactions = transactions;
        this.json = json;
    }

    public List<DeadLetterView> list() {
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .flatMap(name -> find(name).stream())
                .toList();
    }

    public Optional<DeadLetterView> find(String processor) {
        return processing
                .deadLetterQueue(processor)
                .map(queue -> transactions.fetchInTransaction(() -> view(processor, queue)));
    }

    /**
     * Retries every parked sequence once, each in its own order; a sequence that fails again stays parked (and is
     * touched, so the next attempt takes another sequence).
     *
     * @return how many sequences are still parked afterwards
     */
    public Optional<Long> retry(String processor) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> letters =
                processing.sequencedDeadLetterProcessor(processor);
        letters.ifPresent(retrier -> {
            long sequences = queue(processor).amountOfSequences();
            for (long attempt = 0; attempt < sequences; attempt++) {
                try {
                    retrier.processAny();
                } catch (RuntimeException stillUnstorable) {
                    // the letter's writes failed at commit: the whole attempt was rolled back, the letter is still
                    // parked, and the next attempt parks it again without writing (platform.isolation)
                    log.warn(
                            "retrying a dead letter of {} failed at commit; it stays parked",
                            processor,
                            stillUnstorable);
                }
            }
        });
        return letters.map(retrier -> queue(processor).amountOfSequences());
    }

    /**
     * Retries one parked sequence, its events in order; if one fails again, it and the ones after it stay parked.
     *
     * @return whether the whole sequence was handled (and left the queue); empty without such a queue or sequence
     */
    public Optional<Boolean> retry(String processor, String sequenceId) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> letters =
                processing.sequencedDeadLetterProcessor(processor);
        if (letters.isEmpty()
                || !transactions.fetchInTransaction(() -> queue(processor).contains(sequenceId))) {
            return Optional.empty();
        }
        try {
            return Optional.of(letters.get().process(letter -> sequenceId.equals(sequenceIdOf(letter.message()))));
        } catch (RuntimeException stillUnstorable) {
            // as in retry(processor): rolled back at commit, still parked
            log.warn("retrying dead letters of {} in {} failed at commit; they stay parked", sequenceId, processor);
            return Optional.of(false);
        }
    }

    /** One parked event of a sequence, with its payload; empty if it is not parked (any more). */
    public Optional<ParkedLetter> letter(String processor, String sequenceId, String eventId) {
        if (!hasQueue(processor)) {
            return Optional.empty();
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        return transactions.fetchInTransaction(() -> {
            if (!queue.contains(sequenceId)) {
                return Optional.<ParkedLetter>empty();
            }
            return StreamSupport.stream(queue.deadLetterSequence(sequenceId).spliterator(), false)
                    .filter(letter -> letter.message().getIdentifier().equals(eventId))
                    .findFirst()
                    .map(letter -> parked(processor, sequenceId, letter));
        });
    }

    /** Gives up on a parked sequence: its events are dropped from the queue and never handled. */
    public boolean evict(String processor, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        return transactions.fetchInTransaction(() -> {
            if (!queue.contains(sequenceId)) {
                return false;
            }
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequenceId).forEach(letters::add);
            letters.forEach(queue::evict);
            return true;
        });
    }

    public boolean hasQueue(String processor) {
        return processing.deadLetterQueue(processor).isPresent();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow();
    }

    private ParkedLetter parked(String processor, String sequenceId, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String payload = payloadJson(event.getPayload());
        boolean truncated = payload.length() > PAYLOAD_LIMIT;
        Map<String, String> diagnostics = new TreeMap<>();
        letter.diagnostics().forEach((key, value) -> diagnostics.put(key, String.valueOf(value)));
        diagnostics.remove(CountedRetries.RETRIES);
        return new ParkedLetter(
                processor,
                sequenceId,
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                event.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                CountedRetries.retriesOf(letter.diagnostics()),
                diagnostics,
                truncated ? payload.substring(0, PAYLOAD_LIMIT) : payload,
                truncated);
    }

    private String payloadJson(Object payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return "(the payload cannot be shown as JSON: " + e.getOriginalMessage() + ")";
        }
    }

    /** The queue's sequence of an event: its aggregate's id, as the processors' sequencing policy makes it. */
    private static String sequenceIdOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static DeadLetterView view(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Sequence> sequences = StreamSupport.stream(queue.deadLetters().spliterator(), false)
                .map(DeadLetterOperations::sequence)
                .toList();
        long letters = sequences.stream().mapToLong(s -> s.letters().size()).sum();
        return new DeadLetterView(processor, sequences.size(), letters, sequences);
    }

    private static Sequence sequence(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<Letter> parked = StreamSupport.stream(letters.spliterator(), false)
                .map(DeadLetterOperations::letter)
                .toList();
        String sequenceId = parked.isEmpty() ? null : parked.get(0).aggregateId();
        return new Sequence(sequenceId, parked);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        boolean domain = event instanceof DomainEventMessage<?>;
        return new Letter(
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domain ? ((DomainEventMessage<?>) event).getAggregateIdentifier() : null,
                domain ? ((DomainEventMessage<?>) event).getSequenceNumber() : null,
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(Cause::message).orElse(null));
    }
}
