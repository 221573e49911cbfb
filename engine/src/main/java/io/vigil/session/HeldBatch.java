package io.vigil.session;

import io.vigil.audit.Firing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine turns whose outcomes are not published yet: they wait for a snapshot (see
 * {@link SnapshotPolicy}). Merged in turn order; each command keeps its own answer or failure.
 */
final class HeldBatch {

    final List<Outcome> outcomes = new ArrayList<>();
    final List<Firing> firings = new ArrayList<>();
    /** Per command: its CommandResult, or the RuntimeException of the turn that failed running it. */
    final Map<EngineInbox.PendingCommand, Object> commands = new LinkedHashMap<>();
    boolean hadEvents;
    boolean processStateChanged;

    void add(SessionBatch batch, boolean events, Map<EngineInbox.PendingCommand, CommandResult> turnCommands,
             RuntimeException failure) {
        outcomes.addAll(batch.outcomes());
        firings.addAll(batch.firings());
        turnCommands.forEach((pending, result) -> commands.put(pending, result != null ? result : failure));
        hadEvents |= events;
        processStateChanged |= batch.processStateChanged();
    }

    boolean isEmpty() {
        return !hadEvents && outcomes.isEmpty() && firings.isEmpty() && commands.isEmpty();
    }

    /** Answers every command once the batch is committed. */
    Runnable onCommitted() {
        return () -> commands.forEach(HeldBatch::answer);
    }

    void failCommands(RuntimeException e) {
        commands.keySet().forEach(pending -> pending.result().completeExceptionally(e));
    }

    private static void answer(EngineInbox.PendingCommand pending, Object result) {
        if (result instanceof CommandResult done) {
            pending.result().complete(done);
        } else {
            RuntimeException failure = (RuntimeException) result;
            pending.result().completeExceptionally(new IllegalStateException(
                    "the engine batch running " + pending.command() + " failed: " + failure.getMessage(), failure));
        }
    }
}
