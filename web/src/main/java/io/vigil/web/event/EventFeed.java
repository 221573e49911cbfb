package io.vigil.web.event;

import io.vigil.store.EventFilter;
import io.vigil.store.EventQueries;
import io.vigil.store.EventRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    private final EventQueries events;
    private final ITemplateEngine templates;
    private final Map<SseEmitter, AtomicLong> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;

    EventFeed(EventQueries events, ITemplateEngine templates) {
        this.events = events;
        this.templates = templates;
    }

    /** A stream of rows with ids above {@code afterId}. */
    SseEmitter watch(long afterId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        if (running) {
            watchers.put(emitter, new AtomicLong(afterId));
        } else {
            emitter.complete();
        }
        return emitter;
    }

    @Scheduled(fixedDelay = 1000)
    void poll() {
        if (watchers.isEmpty()) {
            return;
        }
        long oldest = watchers.values().stream().mapToLong(AtomicLong::get).min().orElseThrow();
        List<EventRow> newest = events.list(EventFilter.ANY, null, MAX_ROWS_PER_POLL).stream().filter(e -> e.id() > oldest).toList();
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
        try {
            emitter.send(SseEmitter.event().name("rows").id(Long.toString(newestId)).data(rows));
            last.set(newestId);
        } catch (IOException | IllegalStateException e) {
            log.debug("a console watcher went away: {}", e.toString());
            watchers.remove(emitter);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends the streams first, so a graceful shutdown does not wait for watchers that never leave. */
    @Override
    public void stop() {
        running = false;
        watchers.keySet().forEach(SseEmitter::complete);
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
