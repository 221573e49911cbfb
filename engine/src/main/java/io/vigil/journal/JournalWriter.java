package io.vigil.journal;

import io.vigil.intake.EventIntake;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;
import io.vigil.session.EngineInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * <p>Futures complete on the writer thread: dependents should be short or use the *Async variants.
 */
public final class JournalWriter implements EventIntake, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    /** A submission waiting for the writer thread. */
    private record Request(List<EventDraft> drafts, CompletableFuture<List<Long>> ids) {
    }

    /** Queued by {@link #close()} after the last real request. */
    private static final Request END = new Request(List.of(), new CompletableFuture<>());

    private final JournalStore store;
    private final EngineInbox inbox;
    private final JournalSettings settings;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread writer;
    private boolean closed;
    /** The highest id handed out; touched by the writer thread only once it runs. */
    private long lastId;

    public JournalWriter(JournalStore store, EngineInbox inbox, JournalSettings settings) {
        this.store = store;
        this.inbox = inbox;
        this.settings = settings;
        this.lastId = store.lastId();
        this.writer = new Thread(this::run, "vigil-journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletableFuture<List<Long>> submit(List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Request request = new Request(List.copyOf(drafts), new CompletableFuture<>());
        synchronized (submitLock) {
            if (closed) {
                throw new IntakeRejectedException("the journal is shutting down; nothing was stored", settings.retryAfterSeconds());
            }
            reserve(drafts.size());
            requests.add(request);
        }
        return request.ids();
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
            while (true) {
                Request first = carried != null ? carried : requests.take();
                if (first == END) {
                    return;
                }
                carried = null;
                List<Request> batch = new ArrayList<>();
                batch.add(first);
                int rows = first.drafts().size();
                Request next;
                while ((next = requests.poll()) != null) {
                    if (next == END || rows + next.drafts().size() > settings.maxBatchRows()) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    rows += next.drafts().size();
                }
                write(batch, rows);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("journal writer interrupted; {} submissions left unwritten", requests.size());
        }
    }

    /**
     * Stores the batch in one transaction. When the database refuses its data (a value too long
     * for its column) and it holds several submissions, each is retried alone, so one bad
     * submission does not take the others of its group commit down with it. Other failures
     * (database unreachable) would fail the retries too, so they fail the whole batch at once.
     */
    private void write(List<Request> batch, int rows) {
        RuntimeException failure = append(batch, rows);
        if (failure == null) {
            return;
        }
        if (batch.size() > 1 && failure instanceof DataIntegrityViolationException) {
            log.warn("journal refused a batch of {} submissions ({}); retrying each alone", batch.size(), failure.toString());
            for (Request request : batch) {
                RuntimeException alone = append(List.of(request), request.drafts().size());
                if (alone != null) {
                    fail(List.of(request), alone);
                }
            }
            return;
        }
        fail(batch, failure);
    }

    private void fail(List<Request> batch, RuntimeException failure) {
        log.error("journal write of {} submissions failed", batch.size(), failure);
        for (Request request : batch) {
            int size = request.drafts().size();
            inbox.release(size);
            request.ids().completeExceptionally(new JournalWriteException("the journal could not store "
                    + size + " events: " + failure.getMessage(), failure));
        }
    }

    /** Null when stored, else why not. */
    private RuntimeException append(List<Request> batch, int rows) {
        List<JournalEntry> entries = new ArrayList<>(rows);
        long firstId = lastId + 1;
        for (Request request : batch) {
            for (EventDraft draft : request.drafts()) {
                entries.add(new JournalEntry(firstId + entries.size(), draft));
            }
        }
        // Ids are used up even when the append fails: a COMMIT that broke midway may have landed.
        lastId += rows;
        try {
            store.append(entries);
        } catch (RuntimeException e) {
            return e;
        }
        long id = firstId;
        for (Request request : batch) {
            int size = request.drafts().size();
            request.ids().complete(LongStream.range(id, id + size).boxed().toList());
            id += size;
        }
        List<Event> events = new ArrayList<>(rows);
        for (JournalEntry entry : entries) {
            events.add(entry.toEvent());
        }
        inbox.deliver(events);
        return null;
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
