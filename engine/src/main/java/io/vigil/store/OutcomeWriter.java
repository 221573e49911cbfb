package io.vigil.store;

import io.vigil.session.BatchOutcome;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import io.vigil.store.jdbc.OutcomeCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Stores what the engine decided. {@link #publish} queues a batch (blocking while the queue is
 * full: the engine's back pressure); one writer thread merges the queued batches, in order, into
 * one transaction holding their outcomes, firings (hash-chained), the checkpoint and the newest
 * snapshot, so stored state always matches one point of the engine's history. After the commit
 * it runs each batch's {@code onCommitted} and tells the {@link OutcomeListener}s.
 *
 * <p>Two bounds hold the memory between engine and database: batches queued
 * ({@code queueCapacity}) and the outcomes and firings in them, committing included
 * ({@code maxQueuedItems}): with 5,000-event batches, a bound in batches alone let the backlog
 * reach hundreds of thousands of events.
 *
 * <p>A failed transaction is retried with backoff until it commits ({@link OutcomeCommitter});
 * a batch is never dropped. While the database is down the queue fills and {@code publish}
 * blocks, which stops the engine and, through the engine queue, pushes back on intake.
 */
public final class OutcomeWriter implements OutcomeSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

    /** Queued by {@link #close()} after the last real batch. */
    private static final BatchOutcome END = new BatchOutcome(0, 0, 0, List.of(), List.of(), null, 0, null);

    private final OutcomeWriterSettings settings;
    private final OutcomeCommitter committer;
    private final BlockingQueue<BatchOutcome> queue;
    /** Permits for outcomes and firings not committed yet; a batch holds its weight until its commit. */
    private final Semaphore room;
    private volatile long lastStoredEventId;
    private final List<OutcomeListener> listeners = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();
    private final Thread writer;
    private boolean closed;

    public OutcomeWriter(DataSource dataSource, OutcomeWriterSettings settings) {
        this.settings = settings;
        this.committer = new OutcomeCommitter(dataSource, settings.minBackoff(), settings.maxBackoff());
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.room = new Semaphore(settings.maxQueuedItems());
        this.writer = new Thread(this::run, "vigil-outcome-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void addListener(OutcomeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(OutcomeListener listener) {
        listeners.remove(listener);
    }

    /** Batches queued and not yet committed. */
    public int backlog() {
        return queue.size();
    }

    /** Outcomes and firings published and not yet committed (those of the running transaction included). */
    public int backlogItems() {
        return settings.maxQueuedItems() - room.availablePermits();
    }

    /** The last event whose outcomes are committed (0 before the first commit of this run). */
    public long lastStoredEventId() {
        return lastStoredEventId;
    }

    private int weight(BatchOutcome batch) {
        return Math.min(settings.maxQueuedItems(), Math.max(1, batch.outcomes().size() + batch.firings().size()));
    }

    @Override
    public void publish(BatchOutcome batch) {
        synchronized (publishLock) {
            if (closed) {
                throw new IllegalStateException("the outcome writer is closed; batch up to event " + batch.lastEventId() + " was not stored");
            }
            try {
                room.acquire(weight(batch));
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to store the batch up to event " + batch.lastEventId(), e);
            }
        }
    }

    private void run() {
        try {
            boolean ending = false;
            while (!ending) {
                List<BatchOutcome> batches = new ArrayList<>();
                batches.add(queue.take());
                queue.drainTo(batches, settings.maxBatchesPerTransaction() - 1);
                ending = batches.remove(END);
                if (!batches.isEmpty()) {
                    committer.commit(batches);
                    lastStoredEventId = batches.get(batches.size() - 1).lastEventId();
                    int committed = 0;
                    for (BatchOutcome batch : batches) {
                        committed += weight(batch);
                    }
                    room.release(committed);
                    afterCommit(batches);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("outcome writer interrupted; {} batches left unwritten", queue.size());
        }
    }

    private void afterCommit(List<BatchOutcome> batches) {
        List<Outcome> outcomes = new ArrayList<>();
        for (BatchOutcome batch : batches) {
            outcomes.addAll(batch.outcomes());
            if (batch.onCommitted() != null) {
                try {
                    batch.onCommitted().run();
                } catch (RuntimeException e) {
                    log.error("a committed callback of the batch up to event {} failed", batch.lastEventId(), e);
                }
            }
        }
        if (outcomes.isEmpty()) {
            return;
        }
        List<Outcome> committed = List.copyOf(outcomes);
        for (OutcomeListener listener : listeners) {
            try {
                listener.committed(committed);
            } catch (RuntimeException e) {
                log.error("outcome listener {} failed", listener, e);
            }
        }
    }

    /** Stops taking batches, stores those already queued, and waits for the writer (at most 30 s). */
    @Override
    public void close() {
        synchronized (publishLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("outcome writer still busy after 30 s; {} batches are not stored", queue.size());
        }
    }
}
