package io.ordo.operations.deadletters;

import io.ordo.operations.deadletters.DeadLetterView.Letter;
import io.ordo.operations.deadletters.DeadLetterView.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;

    DeadLetterOperations(EventProcessingConfiguration processing, TransactionManager transactions) {
        this.processing = processing;
        this.transactions = transactions;
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
