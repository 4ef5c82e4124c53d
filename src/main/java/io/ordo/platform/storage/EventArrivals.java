package io.ordo.platform.storage;

import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.Registration;

/**
 * Announces the moment the embedded event store's reader has taken new events in, so that a caught-up processor is
 * woken by a commit instead of looking for news on a timer. Axon's embedded store wakes its one reader after every
 * commit in this JVM (and on its fetch delay for other instances' commits), but the streams it hands to processors
 * offer no "events available" callback; this is that callback. Listeners must be quick: they run on the reader's
 * thread once per event (a processor's is a compare-and-set that schedules its coordinator).
 */
public final class EventArrivals {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    public Registration onArrival(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The same events; each is announced after the reader has handled it, i.e. once consumers can see it. */
    public <T> Stream<T> announcing(Stream<T> events) {
        Spliterator<T> source = events.spliterator();
        Spliterator<T> announced = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                return source.tryAdvance(event -> {
                    action.accept(event);
                    listeners.forEach(Runnable::run);
                });
            }
        };
        return StreamSupport.stream(announced, false).onClose(events::close);
    }
}
