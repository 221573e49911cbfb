package io.vigil.session;

import io.vigil.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine turn on a session: move the clock, insert the drained events and run the drained
 * commands in arrival order, fire, and publish everything the turn produced as one
 * {@link BatchOutcome}. The engine thread runs one per loop turn; replay runs one per event.
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
    private long lastSnapshotClock;

    /**
     * @param lastEventId the highest event id the session has seen; events up to it are skipped
     *                    (the inbox may deliver events recovery already read from the journal)
     */
    public BatchRunner(EngineSession session, OutcomeSink sink, SnapshotPolicy snapshots, long lastEventId) {
        this.session = session;
        this.sink = sink;
        this.snapshots = snapshots;
        this.lastEventId = lastEventId;
        this.lastSnapshotClock = session.clock();
    }

    /**
     * Runs one turn.
     *
     * @param items       {@code List<Event>} chunks and {@link EngineInbox.PendingCommand}s, as {@link EngineInbox#drain} returns them
     * @param clockTarget where the session clock goes first (epoch ms; it never goes back)
     */
    public void run(List<?> items, long clockTarget) {
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
                } else {
                    List<Event> fresh = unseen((List<?>) item);
                    if (!fresh.isEmpty()) {
                        firstEventId = firstEventId == 0 ? fresh.get(0).getId() : firstEventId;
                        events += fresh.size();
                        lastEventId = fresh.get(fresh.size() - 1).getId();
                        session.insert(fresh);
                    }
                }
            }
            session.fire();
        } catch (RuntimeException e) {
            failure = e;
            log.error("engine batch failed (events {}..{}, {} events, commands {}); publishing what it did and going on",
                    firstEventId, lastEventId, events, commands.keySet().stream().map(c -> c.command()).toList(), e);
        }
        publish(session.drain(), events > 0, commands, failure);
    }

    /** Publishes a snapshot of the session as it is now (the engine's last act on close). */
    public void publishSnapshot() {
        send(session.drain(), Map.of(), null, true);
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
        boolean snapshotDue = snapshots.due(batch.processStateChanged(), session.clock(), lastSnapshotClock)
                && (hadEvents || batch.processStateChanged());
        if (!hadEvents && !snapshotDue && commands.isEmpty() && batch.outcomes().isEmpty() && batch.firings().isEmpty()) {
            return;
        }
        send(batch, commands, failure, snapshotDue);
    }

    private void send(SessionBatch batch, Map<EngineInbox.PendingCommand, CommandResult> commands,
                      RuntimeException failure, boolean withSnapshot) {
        BatchOutcome.Snapshot snapshot = null;
        if (withSnapshot) {
            try {
                snapshot = session.snapshot(lastEventId);
                lastSnapshotClock = snapshot.sessionClock();
            } catch (RuntimeException e) {
                log.error("cannot snapshot the session at event {}; a restart will re-run more journal", lastEventId, e);
            }
        }
        Runnable onCommitted = () -> commands.forEach((pending, result) -> complete(pending, result, failure));
        try {
            sink.publish(new BatchOutcome(lastEventId, session.lastFiringId(), batch.outcomes(), batch.firings(),
                    snapshot, session.clock(), onCommitted));
        } catch (RuntimeException e) {
            log.error("outcome sink refused the batch up to event {} ({} outcomes, {} firings)",
                    lastEventId, batch.outcomes().size(), batch.firings().size(), e);
            commands.keySet().forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    private static void complete(EngineInbox.PendingCommand pending, CommandResult result, RuntimeException failure) {
        if (result != null) {
            pending.result().complete(result);
        } else {
            pending.result().completeExceptionally(new IllegalStateException(
                    "the engine batch running " + pending.command() + " failed: " + failure.getMessage(), failure));
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
