package io.vigil.session;

import io.vigil.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One engine turn on a session: move the clock, insert the drained events and run the drained
 * commands in arrival order, fire, and publish everything the turn produced as one
 * {@link BatchOutcome} — or hold it back, with the turns after it, until a snapshot is affordable
 * when it took a process step (see {@link SnapshotPolicy}). The engine thread runs one per loop
 * turn (at least every poll timeout, so held turns are published while idle); replay runs one per event.
 *
 * <p>A failing turn is logged with its events and commands, whatever it produced before the
 * failure is still published (the checkpoint moves past the events, so a poison event is not
 * re-run for ever), its commands fail, and the next turn goes on.
 */
public final class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    private final EngineSession session;
    private final OutcomeSink sink;
    private final SnapshotPolicy snapshots;
    private long lastEventId;
    /** The highest event id a published batch covered: where the stored checkpoint will stand. */
    private long publishedEventId;
    private long lastSnapshotClock;
    private long lastSnapshotEndNanos = System.nanoTime() - Long.MAX_VALUE / 4;
    private long lastSnapshotCostNanos;
    private HeldBatch held = new HeldBatch();
    private final JournalContinuity continuity = new JournalContinuity();

    /**
     * @param lastEventId the highest event id the session has seen; events up to it are skipped
     *                    (the inbox may deliver events recovery already read from the journal)
     */
    public BatchRunner(EngineSession session, OutcomeSink sink, SnapshotPolicy snapshots, long lastEventId) {
        this.session = session;
        this.sink = sink;
        this.snapshots = snapshots;
        this.lastEventId = lastEventId;
        this.publishedEventId = lastEventId;
        this.lastSnapshotClock = session.clock();
    }

    /**
     * Runs one turn.
     *
     * @param items       {@code List<Event>} chunks and {@link EngineInbox.PendingCommand}s, as {@link EngineInbox#drain} returns them
     * @param clockTarget where the session clock goes first (epoch ms; it never goes back)
     */
    public void run(List<?> items, long clockTarget) {
        turn(items, clockTarget, this::unseen, false);
    }

    /**
     * Runs journaled events that recovery found below the checkpoint without stored outcomes: their
     * journal commit was never confirmed to the engine, so it never saw them. They are processed
     * now, late but once; the checkpoint stays where it is.
     */
    public void runUnprocessed(List<Event> events, long clockTarget) {
        turn(List.of(events), clockTarget, chunk -> chunk.stream().map(Event.class::cast).toList(), true);
    }

    /**
     * Recovery has checked that every journaled event up to {@code eventId} is processed: from here
     * on each published batch says how far the journal is accounted for (see {@link JournalContinuity}).
     */
    public void journalVerified(long eventId) {
        continuity.verified(eventId);
        send(false);
    }

    private void turn(List<?> items, long clockTarget, Function<List<?>, List<Event>> admitted, boolean late) {
        long firstEventId = 0;
        int events = 0;
        Map<EngineInbox.PendingCommand, CommandResult> commands = new LinkedHashMap<>();
        RuntimeException failure = null;
        try {
            session.advanceTo(clockTarget);
            for (Object item : items) {
                if (item instanceof EngineInbox.PendingCommand pending) {
                    commands.put(pending, null);
                    session.fire();
                    commands.put(pending, session.execute(pending.command()));
                } else if (item instanceof EngineInbox.AbsentIds absent) {
                    continuity.absent(absent.firstId(), absent.lastId());
                } else {
                    List<Event> fresh = admitted.apply((List<?>) item);
                    if (!fresh.isEmpty() && !late) {
                        continuity.processed(fresh.get(0).getId(), fresh.get(fresh.size() - 1).getId());
                    }
                    if (!fresh.isEmpty()) {
                        firstEventId = firstEventId == 0 ? fresh.get(0).getId() : firstEventId;
                        events += fresh.size();
                        lastEventId = Math.max(lastEventId, fresh.get(fresh.size() - 1).getId());
                        session.insert(fresh);
                    }
                }
            }
            session.fire();
        } catch (RunawayRulesException e) {
            if (session.previousRuleSet() != null && !late) {
                abandon(e, commands);
                throw e;
            }
            failure = e;
            log.error("engine batch ran away (events {}..{}, {} events) and there is no version to roll back to;"
                    + " publishing what it did and going on", firstEventId, lastEventId, events, e);
        } catch (RuntimeException e) {
            failure = e;
            log.error("engine batch failed (events {}..{}, {} events, commands {}); publishing what it did and going on",
                    firstEventId, lastEventId, events, commands.keySet().stream().map(c -> c.command()).toList(), e);
        }
        publish(session.drain(), events > 0, commands, failure);
    }

    /**
     * Gives up a turn whose rules ran away, for the engine to run it again under the version active
     * before: what it produced is dropped (the session that produced it is about to be rebuilt from
     * stored state), and so are the turns held back before it (their events are journaled and run
     * again; the checkpoint goes back to the last published batch). The commands of those turns fail:
     * their effects go with the session, the person retries.
     */
    private void abandon(RunawayRulesException runaway, Map<EngineInbox.PendingCommand, CommandResult> commands) {
        session.drain();
        lastEventId = publishedEventId;
        IllegalStateException failure = new IllegalStateException("the rule set " + session.ruleSetVersion()
                + " ran away and the engine rolled back to the version before; try again: " + runaway.getMessage(), runaway);
        commands.keySet().forEach(pending -> pending.result().completeExceptionally(failure));
        held.failCommands(failure);
        held = new HeldBatch();
    }

    /**
     * Waits until the sink has stored every batch published so far (the engine then rebuilds its
     * session from stored state).
     *
     * @return whether it did within the timeout
     */
    boolean awaitStored(long timeoutMillis) throws InterruptedException {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        sink.publish(new BatchOutcome(lastEventId, 0, session.lastFiringId(), List.of(), List.of(), null, session.clock(),
                () -> stored.complete(null)));
        try {
            stored.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Publishes everything held and a snapshot of the session as it is now (the engine's last act on close). */
    public void publishSnapshot() {
        held.add(session.drain(), false, Map.of(), null);
        send(true);
    }

    public EngineSession session() {
        return session;
    }

    /** The highest event id the session has seen. */
    public long lastEventId() {
        return lastEventId;
    }

    private void publish(SessionBatch batch, boolean hadEvents, Map<EngineInbox.PendingCommand, CommandResult> commands,
                         RuntimeException failure) {
        held.add(batch, hadEvents, commands, failure);
        if (held.processStateChanged && snapshots.enabled()) {
            // The checkpoint may not pass a process step without a snapshot: hold until one is affordable.
            if (snapshots.processSnapshotAllowed(System.nanoTime() - lastSnapshotEndNanos, lastSnapshotCostNanos)) {
                send(true);
            }
            return;
        }
        boolean periodic = held.hadEvents && snapshots.periodicDue(session.clock(), lastSnapshotClock);
        if (held.isEmpty()) {
            return;
        }
        send(periodic);
    }

    private void send(boolean withSnapshot) {
        HeldBatch batch = held;
        held = new HeldBatch();
        BatchOutcome.Snapshot snapshot = null;
        if (withSnapshot) {
            long started = System.nanoTime();
            try {
                snapshot = session.snapshot(lastEventId);
                lastSnapshotClock = snapshot.sessionClock();
            } catch (RuntimeException e) {
                log.error("cannot snapshot the session at event {}; a restart will re-run more journal", lastEventId, e);
            }
            lastSnapshotEndNanos = System.nanoTime();
            lastSnapshotCostNanos = lastSnapshotEndNanos - started;
        }
        try {
            sink.publish(new BatchOutcome(lastEventId, continuity.upTo(), session.lastFiringId(),
                    List.copyOf(batch.outcomes), List.copyOf(batch.firings), snapshot, session.clock(), batch.onCommitted()));
            publishedEventId = lastEventId;
        } catch (RuntimeException e) {
            log.error("outcome sink refused the batch up to event {} ({} outcomes, {} firings)",
                    lastEventId, batch.outcomes.size(), batch.firings.size(), e);
            batch.failCommands(e);
        }
    }

    private List<Event> unseen(List<?> chunk) {
        List<Event> fresh = new ArrayList<>(chunk.size());
        for (Object item : chunk) {
            Event event = (Event) item;
            if (event.getId() > lastEventId) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
