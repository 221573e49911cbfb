package io.vigil.web.alert;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.AlertChanged;
import io.vigil.store.AlertFilter;
import io.vigil.store.AlertQueries;
import io.vigil.store.AlertRow;
import io.vigil.store.OutcomeListener;
import io.vigil.store.OutcomeWriter;
import io.vigil.web.system.SseWatchers;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The live alert console over server-sent events. The outcome writer tells it which alerts
 * changed once their changes are committed; twice a second it reads those alerts (one query
 * however many watch) and sends each watcher, for the filter of its page, the rows to show or
 * update ({@code alerts}, rendered by the page's own fragment), the ids that no longer belong
 * ({@code gone}) and the counters ({@code counts}). When more alerts changed than a page shows,
 * or a page may have missed changes (it was rendered before changes its stream did not see), the
 * watcher is told to {@code reload} its page's data instead.
 *
 * <p>{@link #version()} counts the committed batches that changed alerts. A page reads it before
 * its query and hands it to its stream: a higher count when the stream opens means changes
 * between the two, and the stream starts with {@code reload}. The count goes up before a batch's
 * alerts are queued, and a watcher is registered before the count is compared, so every change
 * reaches a page one way or the other.
 */
@Component
class AlertFeed implements SmartLifecycle, OutcomeListener {

    /** More changed alerts than this in one flush: watchers reload instead (about two pages' worth). */
    static final int MAX_ROWS_PER_FLUSH = 200;
    /** Browsers reconnect by themselves (told to reload if they missed changes); a bounded stream lets dead connections go. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    /** One open stream: the filter of its page, and whether its person gets check boxes. */
    private record Watcher(AlertFilter filter, boolean mayAct) {
    }

    private final OutcomeWriter writer;
    private final AlertQueries alerts;
    private final ITemplateEngine templates;
    private final SseWatchers<Watcher> watchers = new SseWatchers<>("alert console", STREAM_TIMEOUT);
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean overflow = new AtomicBoolean();
    private final AtomicLong version = new AtomicLong();

    AlertFeed(OutcomeWriter writer, AlertQueries alerts, ITemplateEngine templates) {
        this.writer = writer;
        this.alerts = alerts;
        this.templates = templates;
    }

    /** How many committed batches have changed alerts so far. */
    long version() {
        return version.get();
    }

    /** A stream of changes to the alerts {@code filter} lets through, for a page that read {@link #version()} as {@code seen}. */
    SseEmitter watch(AlertFilter filter, boolean mayAct, long seen) {
        SseEmitter emitter = watchers.watch(new Watcher(filter, mayAct));
        if (watchers.isOpen() && version.get() > seen) {
            watchers.send(emitter, List.of(reload()));
        }
        return emitter;
    }

    @Override
    public void committed(List<Outcome> outcomes) {
        List<Long> ids = outcomes.stream().filter(AlertChanged.class::isInstance)
                .map(o -> ((AlertChanged) o).alert().id()).toList();
        if (ids.isEmpty()) {
            return;
        }
        version.incrementAndGet();
        for (long id : ids) {
            if (changed.size() > MAX_ROWS_PER_FLUSH) {
                overflow.set(true);
                return;
            }
            changed.add(id);
        }
    }

    @Scheduled(fixedDelay = 500)
    void flush() {
        List<Long> ids = new ArrayList<>();
        changed.removeIf(ids::add);
        boolean tooMany = overflow.getAndSet(false) || ids.size() > MAX_ROWS_PER_FLUSH;
        if ((ids.isEmpty() && !tooMany) || watchers.isEmpty()) {
            return;
        }
        if (tooMany) {
            watchers.forEach((emitter, watcher) -> watchers.send(emitter, List.of(reload())));
            return;
        }
        List<AlertRow> rows = alerts.byIds(ids);
        String counts = render("counts", Map.of("counts", alerts.countByState()));
        watchers.forEach((emitter, watcher) -> watchers.send(emitter, events(watcher, rows, counts)));
    }

    private List<SseEmitter.SseEventBuilder> events(Watcher watcher, List<AlertRow> rows, String counts) {
        Map<Boolean, List<AlertRow>> shown = rows.stream()
                .collect(Collectors.partitioningBy(row -> AlertMatcher.matches(watcher.filter(), row)));
        List<SseEmitter.SseEventBuilder> events = new ArrayList<>();
        if (!shown.get(true).isEmpty()) {
            events.add(SseEmitter.event().name("alerts").data(render("rows",
                    Map.of("alerts", shown.get(true), "mayAct", watcher.mayAct(), "fresh", true))));
        }
        if (!shown.get(false).isEmpty()) {
            events.add(SseEmitter.event().name("gone").data(shown.get(false).stream()
                    .map(row -> Long.toString(row.id())).collect(Collectors.joining(" "))));
        }
        events.add(SseEmitter.event().name("counts").data(counts));
        return events;
    }

    private String render(String fragment, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return templates.process(AlertConsoleController.LIST_VIEW, Set.of(fragment), context);
    }

    private static SseEmitter.SseEventBuilder reload() {
        return SseEmitter.event().name("reload").data("reload");
    }

    @Override
    public void start() {
        writer.addListener(this);
        watchers.open();
    }

    @Override
    public void stop() {
        watchers.close();
        writer.removeListener(this);
    }

    @Override
    public boolean isRunning() {
        return watchers.isOpen();
    }
}
