package io.vigil.web.rule;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.JournalStore;
import io.vigil.model.Event;
import io.vigil.ruleset.BacktestRow;
import io.vigil.ruleset.BacktestStore;
import io.vigil.ruleset.RuleSetLibrary;
import io.vigil.ruleset.RuleSetVersion;
import io.vigil.service.ServiceDefinitionException;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.session.RuleSet;
import io.vigil.session.backtest.Backtest;
import io.vigil.store.ServiceQueries;
import io.vigil.store.StoredServiceTree;
import io.vigil.web.system.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Backtests in the background, one at a time on a thread of their own ("vigil-backtest", below the
 * engine's priority: the machine's cores belong to intake and the engine first). A backtest reads
 * its range of the journal page by page and runs it through {@link Backtest}; progress (events done
 * of total, rate, time left) is in memory while it runs, the result stored with the version when it
 * ends. A stop of the server marks the one running as failed at the next start.
 */
@Component
class BacktestJobs implements DisposableBean {

    /** Journal events read per page (and run per chunk). */
    static final int PAGE = 2_000;

    /** A backtest as the API shows it: progress while it runs, the result once done. */
    record Progress(long id, String version, String baseline, String range, String state, long total, long done,
                    double eventsPerSecond, Long secondsLeft, String requestedBy, Instant requestedAt,
                    Instant finishedAt, String error, JsonNode result) {
    }

    private static final Logger log = LoggerFactory.getLogger(BacktestJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The one running: its counters, read by progress requests. */
    private record Running(long id, AtomicLong done, long startedNanos, AtomicBoolean cancelled) {
    }

    private final BacktestStore store;
    private final RuleSetLibrary library;
    private final JournalStore journal;
    private final ServiceQueries services;
    private final VigilProperties properties;
    private final Function<String, RuleSet> compiled;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "vigil-backtest");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    BacktestJobs(BacktestStore store, RuleSetLibrary library, JournalStore journal, ServiceQueries services,
                 VigilProperties properties, RuleSetAuthoring authoring) {
        this.store = store;
        this.library = library;
        this.journal = journal;
        this.services = services;
        this.properties = properties;
        this.compiled = authoring::compiled;
        int interrupted = store.failInterrupted();
        if (interrupted > 0) {
            log.warn("{} backtest(s) were running when the server stopped; they are marked failed", interrupted);
        }
    }

    /** Starts a backtest of {@code version} against the active version; 409 while another one runs. */
    synchronized Progress start(String version, BacktestRange range, String actor) {
        if (!running.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "backtest " + running.keySet().iterator().next()
                    + " is running; one runs at a time (cancel it or wait for it)");
        }
        RuleSet candidate = compiled.apply(version);
        String baselineVersion = library.active().map(RuleSetVersion::version).orElseThrow();
        RuleSet baseline = compiled.apply(baselineVersion);
        long[] ids = idRange(range);
        long id = store.start(version, baselineVersion, range.text(), ids[0], ids[1], ids[2], actor);
        Running job = new Running(id, new AtomicLong(), System.nanoTime(), new AtomicBoolean());
        running.put(id, job);
        ServiceTreeDefinition tree = tree();
        thread.submit(() -> run(job, baseline, candidate, range, ids, tree));
        return progress(id).orElseThrow();
    }

    Optional<Progress> progress(long id) {
        return store.find(id).map(this::progress);
    }

    List<Progress> ofVersion(String version) {
        return store.ofVersion(version).stream().map(this::progress).toList();
    }

    /** Asks the running backtest to stop after its current page; false when it is not running. */
    boolean cancel(long id) {
        Running job = running.get(id);
        if (job == null) {
            return false;
        }
        job.cancelled().set(true);
        return true;
    }

    private void run(Running job, RuleSet baseline, RuleSet candidate, BacktestRange range, long[] ids,
                     ServiceTreeDefinition tree) {
        try {
            List<JournalEntry> first = journal.read(ids[0] - 1, ids[1], 1);
            long clockStart = first.isEmpty() ? 0 : first.get(0).draft().receivedAt().toEpochMilli();
            try (Backtest backtest = new Backtest(baseline, candidate, tree, clockStart, properties.escalation().after())) {
                long after = ids[0] - 1;
                while (after < ids[1] && !job.cancelled().get()) {
                    List<JournalEntry> page = journal.read(after, ids[1], PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    after = page.get(page.size() - 1).id();
                    List<Event> events = page.stream().filter(e -> inRange(range, e)).map(JournalEntry::toEvent).toList();
                    backtest.run(events);
                    job.done().set(backtest.events());
                }
                String state = job.cancelled().get() ? "cancelled" : "done";
                store.finish(job.id(), state, backtest.events(), JSON.writeValueAsString(backtest.result()), null);
                log.info("backtest {} of rule set {} {}: {} events", job.id(), candidate.version(), state, backtest.events());
            }
        } catch (RuntimeException | Error e) {
            log.error("backtest {} of rule set {} failed", job.id(), candidate.version(), e);
            store.finish(job.id(), "failed", job.done().get(), null, String.valueOf(e.getMessage()));
        } finally {
            running.remove(job.id());
        }
    }

    private static boolean inRange(BacktestRange range, JournalEntry entry) {
        if (!range.byTime()) {
            return true;
        }
        Instant occurred = entry.draft().occurredAt();
        return !occurred.isBefore(range.from()) && occurred.isBefore(range.to());
    }

    /** first id, last id, count; 422 when the range holds no event. */
    private long[] idRange(BacktestRange range) {
        if (range.byTime()) {
            long[] found = store.journalRange(range.from(), range.to());
            if (found == null) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "no event occurred in " + range.text());
            }
            return found;
        }
        long last = Math.min(range.toId(), journal.lastId());
        long count = range.fromId() > last ? 0 : journal.count(range.fromId(), last);
        if (count == 0) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "the journal has no event in " + range.text()
                    + " (its last id is " + journal.lastId() + ")");
        }
        return new long[]{range.fromId(), last, count};
    }

    /** Both versions start from the service tree in force now (with its correlation settings), nothing else. */
    private ServiceTreeDefinition tree() {
        return services.tree().map(StoredServiceTree::document).map(document -> {
            try {
                return ServiceTreeParser.parse(document);
            } catch (ServiceDefinitionException e) {
                log.warn("the stored service tree does not parse; backtesting without services: {}", e.getMessage());
                return ServiceTreeDefinition.EMPTY;
            }
        }).orElse(ServiceTreeDefinition.EMPTY);
    }

    private Progress progress(BacktestRow row) {
        Running job = running.get(row.id());
        long done = job != null ? job.done().get() : row.eventsDone();
        double rate = 0;
        Long left = null;
        if (job != null) {
            double seconds = (System.nanoTime() - job.startedNanos()) / 1e9;
            rate = seconds > 0 ? done / seconds : 0;
            left = rate > 0 ? Math.round((row.eventsTotal() - done) / rate) : null;
        }
        return new Progress(row.id(), row.version(), row.baseline(), row.range(), row.state(), row.eventsTotal(), done,
                Math.round(rate * 10) / 10.0, left, row.requestedBy(), row.requestedAt(), row.finishedAt(), row.error(),
                row.result() == null ? null : JSON.readTree(row.result()));
    }

    @Override
    public void destroy() throws InterruptedException {
        running.values().forEach(job -> job.cancelled().set(true));
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
