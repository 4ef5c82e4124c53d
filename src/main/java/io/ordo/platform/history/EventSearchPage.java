package io.ordo.platform.history;

import java.util.List;

/**
 * A page of found events, newest first. {@code olderBefore} is the global index the next (older) page starts before,
 * or null when nothing older matches. A text search reads at most a bounded number of events per page: when it
 * reached that bound before filling the page, {@code stoppedEarly} is set, {@code scanned} says how many it read and
 * {@code olderBefore} where to go on.
 */
public record EventSearchPage(List<FoundEvent> events, Long olderBefore, boolean stoppedEarly, int scanned) {

    public EventSearchPage {
        events = List.copyOf(events);
    }
}
