package io.vigil.web.event;

import io.vigil.store.EventDetail;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRow;
import io.vigil.web.system.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Journaled events, newest first, with their classification; one event with its raw text. */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventQueries events;

    EventController(EventQueries events) {
        this.events = events;
    }

    /** @param next the URL of the next (older) page, or null on the last page */
    record EventPage(List<EventRow> events, String next) {
    }

    @GetMapping
    EventPage list(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        List<EventRow> page = events.latest(RequestParams.limit(limit), before);
        String next = page.size() < limit ? null
                : "/api/v1/events?before=" + page.get(page.size() - 1).id() + "&limit=" + limit;
        return new EventPage(page, next);
    }

    @GetMapping("/{id}")
    EventDetail byId(@PathVariable long id) {
        return events.byId(id).orElseThrow(() -> RequestParams.notFound("event", id));
    }
}
