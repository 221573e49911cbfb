package io.vigil.web.event;

import io.vigil.store.EventFilter;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRow;
import io.vigil.web.system.SseWatchers;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's live event list over server-sent events. Once a second, and only while someone
 * watches, it reads the newest events (one query however many watch) and sends each watcher the
 * rows newer than the last it has, rendered by the same template fragment as the page. Polling
 * the journal's newest id keeps the feed independent of the write path: it adds no work per event
 * to the journal or engine threads.
 */
@Component
class EventFeed implements SmartLifecycle {

    /** A watcher may miss rows when more than this many arrive within one poll; it shows the newest. */
    static final int MAX_ROWS_PER_POLL = 100;
    /** Browsers reconnect by themselves; a bounded stream lets dead connections go. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    private final EventQueries events;
    private final ITemplateEngine templates;
    /** Each stream with the id of the newest row it has. */
    private final SseWatchers<AtomicLong> watchers = new SseWatchers<>("event console", STREAM_TIMEOUT);

    EventFeed(EventQueries events, ITemplateEngine templates) {
        this.events = events;
        this.templates = templates;
    }

    /** A stream of rows with ids above {@code afterId}. */
    SseEmitter watch(long afterId) {
        return watchers.watch(new AtomicLong(afterId));
    }

    @Scheduled(fixedDelay = 1000)
    void poll() {
        if (watchers.isEmpty()) {
            return;
        }
        long[] oldest = {Long.MAX_VALUE};
        watchers.forEach((emitter, last) -> oldest[0] = Math.min(oldest[0], last.get()));
        List<EventRow> newest = events.list(EventFilter.ANY, null, MAX_ROWS_PER_POLL).stream().filter(e -> e.id() > oldest[0]).toList();
        if (newest.isEmpty()) {
            return;
        }
        watchers.forEach((emitter, last) -> send(emitter, last, newest));
    }

    private void send(SseEmitter emitter, AtomicLong last, List<EventRow> newest) {
        List<EventRow> unseen = newest.stream().filter(e -> e.id() > last.get()).toList();
        if (unseen.isEmpty()) {
            return;
        }
        Context context = new Context();
        context.setVariable("events", unseen);
        context.setVariable("fresh", true);
        String rows = templates.process(EventConsoleController.LIST_VIEW, Set.of("rows"), context);
        long newestId = unseen.get(0).id();
        if (watchers.send(emitter, List.of(SseEmitter.event().name("rows").id(Long.toString(newestId)).data(rows)))) {
            last.set(newestId);
        }
    }

    @Override
    public void start() {
        watchers.open();
    }

    @Override
    public void stop() {
        watchers.close();
    }

    @Override
    public boolean isRunning() {
        return watchers.isOpen();
    }
}
