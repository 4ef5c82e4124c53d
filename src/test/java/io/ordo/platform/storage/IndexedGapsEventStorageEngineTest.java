package io.ordo.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The two-query fetch against Axon's own one-query fetch, on the same H2 store, for tokens with and without gaps. */
@HttpTest // for the context it shares with the HTTP tests: one application fewer to start
class IndexedGapsEventStorageEngineTest {

    private static final int EVENTS = 30;
    private static final int BATCH = 4;

    @Autowired
    EventStorageEngine configured;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    EntityManagerProvider entityManagerProvider;

    @Autowired
    TransactionManager transactionManager;

    @Test
    void readsTheSameEventsInTheSameOrderAsAxonsQuery() {
        assertThat(configured).isInstanceOf(IndexedGapsEventStorageEngine.class);
        String aggregate = "gaps-" + System.nanoTime();
        List<DomainEventMessage<?>> events = IntStream.range(0, EVENTS)
                .<DomainEventMessage<?>>mapToObj(
                        sequence -> new GenericDomainEventMessage<>("Test", aggregate, sequence, "event " + sequence))
                .toList();
        transactionManager.executeInTransaction(() -> configured.appendEvents(events));
        long head = configured.createHeadToken().position().orElseThrow();

        JpaEventStorageEngine axons = builder().build();
        IndexedGapsEventStorageEngine twoQueries = new IndexedGapsEventStorageEngine(builder(), new EventArrivals());

        List<GapAwareTrackingToken> tokens = List.of(
                GapAwareTrackingToken.newInstance(head - 20, new TreeSet<>()),
                GapAwareTrackingToken.newInstance(head - 10, new TreeSet<>(List.of(head - 25, head - 17, head - 11))),
                // more gaps than a batch holds, and one past the last event
                GapAwareTrackingToken.newInstance(
                        head - 2,
                        LongStream.range(head - 12, head - 2)
                                .boxed()
                                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll)),
                GapAwareTrackingToken.newInstance(head, new TreeSet<>(List.of(head - 1))));
        for (GapAwareTrackingToken token : tokens) {
            List<Long> expected = positions(axons, token);
            assertThat(positions(twoQueries, token))
                    .as("from %s", token)
                    .isEqualTo(expected)
                    .isNotEmpty();
        }
    }

    @Test
    void announcesWhatTheStoresReaderReadsAfterItHandledEachEventAndNothingElse() {
        EventArrivals arrivals = new EventArrivals();
        IndexedGapsEventStorageEngine engine = new IndexedGapsEventStorageEngine(builder(), arrivals);
        GapAwareTrackingToken beforeThem = GapAwareTrackingToken.newInstance(
                transactionManager.fetchInTransaction(
                        () -> engine.createHeadToken().position().orElseThrow()),
                new TreeSet<>());
        String aggregate = "arrivals-" + System.nanoTime();
        configured.appendEvents(IntStream.range(0, 3)
                .<DomainEventMessage<?>>mapToObj(
                        sequence -> new GenericDomainEventMessage<>("Test", aggregate, sequence, "event " + sequence))
                .toList());
        List<Integer> handledWhenAnnounced = new ArrayList<>();
        List<Long> handled = new ArrayList<>();
        arrivals.onArrival(() -> handledWhenAnnounced.add(handled.size()));

        transactionManager.executeInTransaction(() -> engine.readEvents(beforeThem, true)
                .forEach(event -> handled.add(event.trackingToken().position().orElseThrow())));
        int readByTheReader = handled.size();
        transactionManager.executeInTransaction(() -> engine.readEvents(beforeThem, false)
                .forEach(event -> handled.add(event.trackingToken().position().orElseThrow())));

        assertThat(readByTheReader).isGreaterThanOrEqualTo(3);
        assertThat(handledWhenAnnounced)
                .as("one announcement per event the reader read, each after the event was handled")
                .isEqualTo(IntStream.rangeClosed(1, readByTheReader).boxed().toList());
        assertThat(handled).hasSizeGreaterThan(readByTheReader);
    }

    /** Axon's JPA engine on the test's store, in batches of {@value #BATCH}. */
    private JpaEventStorageEngine.Builder builder() {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(BATCH);
    }

    private List<Long> positions(EventStorageEngine engine, GapAwareTrackingToken token) {
        return transactionManager.fetchInTransaction(() -> engine.readEvents(token, false)
                .map(TrackedEventMessage::trackingToken)
                .map(read -> read.position().orElseThrow())
                .toList());
    }
}
