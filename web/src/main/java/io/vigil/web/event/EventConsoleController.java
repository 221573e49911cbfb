package io.vigil.web.event;

import io.vigil.model.Status;
import io.vigil.store.EventFilter;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRow;
import io.vigil.web.system.RequestParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * The console's event pages: the history narrowed by the same filters as the API (a GET form, so
 * the URL can be shared), paged back by id, with export links carrying the filters; unfiltered,
 * its first page is kept live by {@link EventFeed}. And one event with its raw text.
 */
@Controller
class EventConsoleController {

    static final String LIST_VIEW = "events/list";
    static final String DETAIL_VIEW = "events/detail";
    static final int PAGE_SIZE = 100;

    private final EventQueries events;
    private final EventFeed feed;

    EventConsoleController(EventQueries events, EventFeed feed) {
        this.events = events;
        this.feed = feed;
    }

    @GetMapping("/console/events")
    String list(@ModelAttribute("filters") EventFilterParams filters, @RequestParam(required = false) Long before, Model model) {
        EventFilter filter = filters.filter();
        List<EventRow> page = events.list(filter, before, PAGE_SIZE);
        model.addAttribute("events", page);
        model.addAttribute("statuses", EventFilterParams.STATUSES);
        model.addAttribute("checkedStatuses", filter.statuses().stream().map(Status::name).toList());
        model.addAttribute("live", filter.equals(EventFilter.ANY) && before == null);
        model.addAttribute("lastId", page.isEmpty() ? 0 : page.get(0).id());
        model.addAttribute("older", page.size() < PAGE_SIZE ? null
                : EventFilterParams.link("/console/events", filter, "before=" + page.get(page.size() - 1).id()));
        model.addAttribute("csvExport", EventFilterParams.link("/console/events/export", filter, "format=csv"));
        model.addAttribute("jsonlExport", EventFilterParams.link("/console/events/export", filter, "format=jsonl"));
        return LIST_VIEW;
    }

    /** On reconnect the browser's Last-Event-ID says where its table ends; it wins over the page's {@code after}. */
    @GetMapping(path = "/console/events/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(defaultValue = "0") long after,
                      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return feed.watch(lastEventId != null ? lastEventId : after);
    }

    @GetMapping("/console/events/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", events.byId(id).orElseThrow(() -> RequestParams.notFound("event", id)));
        return DETAIL_VIEW;
    }
}
