package io.vigil.web.event;

import io.vigil.store.EventDetail;
import io.vigil.store.EventFilter;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRow;
import io.vigil.web.system.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Journaled events, newest first, with their classification, narrowed by {@link EventFilterParams};
 * one event with its raw text. Every event stays queryable: the journal is never pruned.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventQueries events;

    EventController(EventQueries events) {
        this.events = events;
    }

    /** @param next the URL of the next (older) page with the same filters, or null on the last page */
    record EventPage(List<EventRow> events, String next) {
    }

    @GetMapping
    EventPage list(@ModelAttribute EventFilterParams filters, @RequestParam(defaultValue = "100") int limit,
                   @RequestParam(required = false) Long before) {
        EventFilter filter = filters.filter();
        List<EventRow> page = events.list(filter, before, RequestParams.limit(limit));
        String next = page.size() < limit ? null
                : EventFilterParams.link("/api/v1/events", filter, "before=" + page.get(page.size() - 1).id(), "limit=" + limit);
        return new EventPage(page, next);
    }

    @GetMapping("/{id}")
    EventDetail byId(@PathVariable long id) {
        return events.byId(id).orElseThrow(() -> RequestParams.notFound("event", id));
    }
}
