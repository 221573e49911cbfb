package io.vigil.journal;

import io.vigil.intake.IdempotencyKey;
import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IdempotencyKeyReusedException;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.intake.KeyedEventIntake;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;
import io.vigil.session.EngineInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Group commit for every intake. Submitters only reserve engine-queue room and enqueue; one
 * writer thread takes everything pending (up to {@link JournalSettings#maxBatchRows()}, never
 * splitting a submission), gives it ids, stores it in one transaction, completes each
 * submission's future with its ids and then hands the events to the engine in id order. Many
 * concurrent submitters thus share one commit, which is what makes durable intake cheap.
 *
 * <p><b>Every answer is true.</b> A submission's future completes with its ids only once its
 * events are committed, and fails only when they are certainly not stored. When a transaction
 * fails for another reason than the data (the database went away, possibly during COMMIT), its
 * outcome is unknown: the writer then waits until the database answers again, asks it whether
 * the transaction's rows are there, and either completes the submissions (and hands the events
 * to the engine, in order, before anything later) or stores them again under the same ids. While
 * it waits, new submissions are refused at once ({@link IntakeUnavailableException}: nothing
 * stored). A batch the database keeps refusing although it is reachable is split, so one bad
 * submission never fails its neighbours.
 *
 * <p><b>Idempotency keys.</b> {@link #submitOnce} records the key with its events, in their
 * transaction; a retry with the key gets the stored ids back. A key is in flight from the
 * submit until its outcome is settled; a second request with it meanwhile is refused.
 *
 * <p>Futures complete on the writer thread: dependents should be short or use the *Async variants.
 */
public final class JournalWriter implements KeyedEventIntake, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    /** After this many attempts that failed while the database was reachable, a batch is split (or a lone submission failed). */
    static final int ATTEMPTS_WHILE_REACHABLE = 3;
    /** What a submitter refused during an outage is told to wait: long enough for a database restart or failover. */
    static final int OUTAGE_RETRY_AFTER_SECONDS = 5;
    private static final long MIN_WAIT_MILLIS = 200;
    private static final long MAX_WAIT_MILLIS = 2_000;
    private static final long FORGET_EVERY_MILLIS = 10 * 60_000;
    private static final int FORGET_AT_ONCE = 10_000;

    /** A submission waiting for the writer thread. */
    private record Request(List<EventDraft> drafts, IdempotencyKey key, Instant receivedAt,
                           CompletableFuture<List<Long>> ids) {

        int size() {
            return drafts.size();
        }
    }

    /** Queued by {@link #close()} after the last real request. */
    private static final Request END = new Request(List.of(), null, Instant.EPOCH, new CompletableFuture<>());

    /** Why the journal cannot take anything now, and since when (while the writer waits for the database). */
    private record Outage(Instant since, String cause) {
    }

    private final JournalStore store;
    private final EngineInbox inbox;
    private final JournalSettings settings;
    private final Clock clock;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Map<String, Request> keysInFlight = new ConcurrentHashMap<>();
    private final Object submitLock = new Object();
    private final Thread writer;
    private boolean closed;
    private volatile Outage outage;
    /** The highest id handed out; touched by the writer thread only once it runs. */
    private long lastId;
    private final JournalCommits commits = new JournalCommits();
    /** The newest id committed and handed to the engine; read by metrics on other threads. */
    private volatile long lastHandedToEngine;
    /** Set when the writer took END out of the queue while refusing requests during an outage. */
    private boolean endSeen;
    private long lastForgetMillis;

    public JournalWriter(JournalStore store, EngineInbox inbox, JournalSettings settings) {
        this(store, inbox, settings, Clock.systemUTC());
    }

    public JournalWriter(JournalStore store, EngineInbox inbox, JournalSettings settings, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock;
        this.lastId = store.lastId();
        this.lastForgetMillis = clock.millis() - FORGET_EVERY_MILLIS;
        this.writer = new Thread(this::run, "vigil-journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletableFuture<List<Long>> submit(List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Request request = new Request(List.copyOf(drafts), null, clock.instant(), new CompletableFuture<>());
        enqueue(request);
        return request.ids();
    }

    @Override
    public CompletableFuture<Receipt> submitOnce(IdempotencyKey key, List<EventDraft> drafts) {
        Request request = new Request(List.copyOf(drafts), key, clock.instant(), new CompletableFuture<>());
        Request running = keysInFlight.putIfAbsent(key.value(), request);
        if (running != null) {
            throw new IdempotencyKeyInUseException("a request with Idempotency-Key \"" + key.value()
                    + "\" is still being stored; retry it with the same key to learn its outcome", settings.retryAfterSeconds());
        }
        try {
            refuseDuringOutage();
            Optional<KeyedRequest> stored = findKeyedRequest(key)
                    .filter(kept -> kept.receivedAt().isAfter(clock.instant().minus(settings.keyRetention())));
            if (stored.isPresent()) {
                keysInFlight.remove(key.value(), request);
                return CompletableFuture.completedFuture(new Receipt(replay(key, stored.get()), true));
            }
            if (drafts.isEmpty()) {
                keysInFlight.remove(key.value(), request);
                return CompletableFuture.completedFuture(new Receipt(List.of(), false));
            }
            enqueue(request);
        } catch (RuntimeException e) {
            keysInFlight.remove(key.value(), request);
            throw e;
        }
        return request.ids().thenApply(ids -> new Receipt(ids, false));
    }

    private Optional<KeyedRequest> findKeyedRequest(IdempotencyKey key) {
        try {
            return store.findKeyedRequest(key.value());
        } catch (DataAccessException e) {
            throw new IntakeUnavailableException("the journal database did not answer (" + rootMessage(e)
                    + "); nothing was stored", OUTAGE_RETRY_AFTER_SECONDS, e);
        }
    }

    private static List<Long> replay(IdempotencyKey key, KeyedRequest stored) {
        if (!stored.bodySha256().equals(key.bodySha256())) {
            throw new IdempotencyKeyReusedException("Idempotency-Key \"" + key.value() + "\" was used on "
                    + stored.receivedAt() + " for a request with another body; use a new key for new events");
        }
        return stored.ids();
    }

    private void enqueue(Request request) {
        synchronized (submitLock) {
            if (closed) {
                throw new IntakeRejectedException("the journal is shutting down; nothing was stored", settings.retryAfterSeconds());
            }
            refuseDuringOutage();
            reserve(request.size());
            requests.add(request);
        }
    }

    private void refuseDuringOutage() {
        if (outage != null) {
            throw unavailable();
        }
    }

    private IntakeUnavailableException unavailable() {
        return new IntakeUnavailableException(outage().orElse("the journal database is unreachable") + "; nothing was stored",
                OUTAGE_RETRY_AFTER_SECONDS, null);
    }

    private void reserve(int events) {
        if (inbox.tryReserve(events)) {
            return;
        }
        if (events > inbox.capacity()) {
            throw new IntakeRejectedException("a submission of " + events + " events exceeds the engine queue capacity of "
                    + inbox.capacity() + "; nothing was stored", settings.retryAfterSeconds());
        }
        throw new IntakeRejectedException("the engine queue is full (" + inbox.backlog() + " of " + inbox.capacity()
                + " events waiting) and cannot take " + events + " more; nothing was stored", settings.retryAfterSeconds());
    }

    private void run() {
        Request carried = null;
        try {
            while (!endSeen) {
                Request first = carried != null ? carried : requests.take();
                if (first == END) {
                    return;
                }
                carried = null;
                List<Request> batch = new ArrayList<>();
                batch.add(first);
                int rows = first.size();
                Request next;
                while ((next = requests.poll()) != null) {
                    if (next == END || rows + next.size() > settings.maxBatchRows()) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    rows += next.size();
                }
                store(batch);
                forgetOldKeys();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("journal writer interrupted; {} submissions left unwritten", requests.size());
        }
    }

    /** Returns once every submission of the batch is stored (and completed) or certainly not stored (and failed). */
    private void store(List<Request> batch) throws InterruptedException {
        List<JournalEntry> entries = entries(batch);
        int attemptsWhileReachable = 0;
        while (true) {
            RuntimeException failure = append(batch, entries);
            if (failure == null) {
                stored(batch, entries);
                return;
            }
            switch (FailedCommit.of(failure)) {
                case DATA_REFUSED -> {
                    abandon(entries);
                    refused(batch, failure);
                    return;
                }
                case NOT_STORED -> {
                    log.error("journal could not store events {}..{}", first(entries), last(entries), failure);
                    abandon(entries);
                    for (Request request : batch) {
                        fail(request, new IntakeUnavailableException("the journal could not store " + request.size()
                                + " events (" + rootMessage(failure) + "); nothing was stored", OUTAGE_RETRY_AFTER_SECONDS,
                                failure));
                    }
                    return;
                }
                case OUTCOME_UNKNOWN -> {
                    log.warn("journal commit of events {}..{} failed ({}); asking the database whether it landed",
                            first(entries), last(entries), rootMessage(failure));
                    if (landed(entries, failure)) {
                        log.info("the journal commit of events {}..{} had landed after all", first(entries), last(entries));
                        stored(batch, entries);
                        return;
                    }
                    if (++attemptsWhileReachable >= ATTEMPTS_WHILE_REACHABLE) {
                        abandon(entries);
                        refused(batch, failure);
                        return;
                    }
                }
            }
        }
    }

    /**
     * The entries' ids are certainly not in the journal and will not be used again: the engine is
     * told, so it knows every id up to here is accounted for (see EngineInbox#absent).
     */
    private void abandon(List<JournalEntry> entries) {
        inbox.absent(first(entries), last(entries));
    }

    /** Submissions whose own transaction the database refused: a shared batch is split, a lone submission fails. */
    private void refused(List<Request> batch, RuntimeException failure) throws InterruptedException {
        if (batch.size() > 1) {
            log.warn("journal refused a batch of {} submissions ({}); storing each alone", batch.size(), rootMessage(failure));
            for (Request request : batch) {
                store(List.of(request));
            }
            return;
        }
        Request request = batch.get(0);
        log.error("journal refused a submission of {} events", request.size(), failure);
        fail(request, new JournalWriteException("the journal refused " + request.size() + " events: "
                + rootMessage(failure), failure));
    }

    /** The request's events are certainly not stored: its room and key are free again. */
    private void fail(Request request, RuntimeException why) {
        settle(request);
        inbox.release(request.size());
        request.ids().completeExceptionally(why);
    }

    private List<JournalEntry> entries(List<Request> batch) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Request request : batch) {
            for (EventDraft draft : request.drafts()) {
                entries.add(new JournalEntry(lastId + 1 + entries.size(), draft));
            }
        }
        // Handed out for good: a transaction whose outcome is unknown keeps its ids until it is settled.
        lastId += entries.size();
        return entries;
    }

    /** Null when stored, else why not (or why the outcome is unknown). */
    private RuntimeException append(List<Request> batch, List<JournalEntry> entries) {
        List<KeyedRequest> keyed = new ArrayList<>();
        long firstId = first(entries);
        for (Request request : batch) {
            if (request.key() != null) {
                keyed.add(new KeyedRequest(request.key().value(), request.key().bodySha256(), firstId, request.size(),
                        request.receivedAt()));
            }
            firstId += request.size();
        }
        long started = System.nanoTime();
        try {
            store.append(entries, keyed);
            commits.committed(entries.size(), System.nanoTime() - started);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * Waits until the database answers whether the entries are stored (refusing every submission
     * meanwhile); true when they are. A transaction is all or nothing, so a count of its rows
     * tells; a count between the two is reported and treated as stored, as the rows are there.
     */
    private boolean landed(List<JournalEntry> entries, RuntimeException failure) throws InterruptedException {
        long wait = MIN_WAIT_MILLIS;
        Outage started = null;
        while (true) {
            try {
                long count = store.count(first(entries), last(entries));
                if (started != null) {
                    outage = null;
                    log.info("the journal database answers again after an outage since {}", started.since());
                }
                if (count != 0 && count != entries.size()) {
                    log.error("the journal holds {} of the {} events {}..{} of one transaction", count, entries.size(),
                            first(entries), last(entries));
                }
                return count > 0;
            } catch (DataAccessException e) {
                if (started == null) {
                    started = new Outage(clock.instant(), rootMessage(failure));
                    outage = started;
                    log.error("the journal database is unreachable ({}); refusing events until it answers again",
                            rootMessage(e));
                }
                refuseQueued();
                TimeUnit.MILLISECONDS.sleep(wait);
                wait = Math.min(wait * 2, MAX_WAIT_MILLIS);
            }
        }
    }

    /** Fails every queued submission (never attempted, so certainly not stored) while the database is unreachable. */
    private void refuseQueued() {
        Request request;
        while ((request = requests.poll()) != null) {
            if (request == END) {
                endSeen = true;
                continue;
            }
            fail(request, unavailable());
        }
    }

    private void stored(List<Request> batch, List<JournalEntry> entries) {
        long id = first(entries);
        for (Request request : batch) {
            settle(request);
            request.ids().complete(LongStream.range(id, id + request.size()).boxed().toList());
            id += request.size();
        }
        List<Event> events = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            events.add(entry.toEvent());
        }
        inbox.deliver(events);
        if (!events.isEmpty()) {
            lastHandedToEngine = events.get(events.size() - 1).getId();
        }
    }

    /** How many group commits stored how many events in how long, since start (for metrics). */
    public JournalCommits commits() {
        return commits;
    }

    /** The newest journal id committed and handed to the engine (0 before the first since start). */
    public long lastJournaledId() {
        return lastHandedToEngine;
    }

    /** The request's key, if any, is free again: its outcome is known (or stored, for a retry to find). */
    private void settle(Request request) {
        if (request.key() != null) {
            keysInFlight.remove(request.key().value(), request);
        }
    }

    /** Keys older than the retention period are forgotten, a bounded number at a time, every few minutes. */
    private void forgetOldKeys() {
        long now = clock.millis();
        if (now - lastForgetMillis < FORGET_EVERY_MILLIS) {
            return;
        }
        lastForgetMillis = now;
        try {
            int forgotten = store.forgetKeyedRequests(clock.instant().minus(settings.keyRetention()), FORGET_AT_ONCE);
            if (forgotten > 0) {
                log.info("forgot {} idempotency keys older than {}", forgotten, settings.keyRetention());
            }
        } catch (DataAccessException e) {
            log.warn("could not forget old idempotency keys: {}", rootMessage(e));
        }
    }

    private static long first(List<JournalEntry> entries) {
        return entries.get(0).id();
    }

    private static long last(List<JournalEntry> entries) {
        return entries.get(entries.size() - 1).id();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** While the journal's database is unreachable: since when and why (nothing is accepted meanwhile). */
    public Optional<String> outage() {
        Outage current = outage;
        return current == null ? Optional.empty()
                : Optional.of("the journal database is unreachable since " + current.since() + " (" + current.cause() + ")");
    }

    /** Stops taking submissions, writes those already queued, and waits for the writer (at most 30 s). */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            requests.add(END);
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("journal writer still busy after 30 s; {} submissions may be lost", requests.size());
        }
    }
}
