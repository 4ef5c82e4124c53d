package io.ordo.console;

import io.ordo.platform.history.EventSearch;
import io.ordo.platform.history.EventSearchPage;
import io.ordo.platform.history.StoredEventSearch;
import io.ordo.platform.live.LiveStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event search ({@code /console/events}): the stored events by aggregate, type, payload text and time, newest
 * first, a page at a time, and a live tail of new events. Every signed-in user may search: the console shows a USER
 * the orders anyway. With Axon Server the events are not in this database, and the page says where to search them.
 */
@Controller
class EventPages {

    private final ObjectProvider<StoredEventSearch> search;
    private final LiveStreams live;

    EventPages(ObjectProvider<StoredEventSearch> search, LiveStreams live) {
        this.search = search;
        this.live = live;
    }

    @GetMapping("/console/events")
    String events(@ModelAttribute("form") EventSearchForm form, Model model) {
        StoredEventSearch store = search.getIfAvailable();
        model.addAttribute("searchable", store != null);
        model.addAttribute("tailSize", ConsoleLiveFeed.TAIL_ROWS);
        if (store == null) {
            return "console/events";
        }
        EventSearch criteria = form.toSearch(store.limits().maxPageSize());
        EventSearchPage page = store.search(criteria);
        model.addAttribute("page", page);
        model.addAttribute("types", store.payloadTypes());
        model.addAttribute("maxText", EventSearchForm.MAX_TEXT);
        model.addAttribute("maxScanned", store.limits().maxScanned());
        model.addAttribute("newer", criteria.before() != null);
        return "console/events";
    }

    /** New events as they are committed, as table rows ready to prepend (assets/events.js). */
    @GetMapping("/console/events/live")
    SseEmitter tail() {
        if (search.getIfAvailable() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no event store table to tail here");
        }
        return live.open(ConsoleLiveFeed.EVENTS_TOPIC);
    }
}
