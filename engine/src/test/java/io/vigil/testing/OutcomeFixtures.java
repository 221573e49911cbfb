package io.vigil.testing;

import io.vigil.audit.FactRef;
import io.vigil.audit.Firing;
import io.vigil.session.BatchOutcome;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import io.vigil.store.OutcomeWriter;
import io.vigil.store.OutcomeWriterSettings;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Engine batches and firings for store tests, shaped like what the engine publishes. */
public final class OutcomeFixtures {

    /** A rule-set version: SHA-256 hex of some sources. */
    public static final String RULESET = "3f".repeat(32);

    private OutcomeFixtures() {
    }

    /** A firing of {@code rule} at {@code firedAt} (epoch ms) that matched the given events. */
    public static Firing firing(long id, long firedAt, String rule, Long... eventIds) {
        List<FactRef> facts = Arrays.stream(eventIds)
                .map(eventId -> new FactRef("Event", "event:" + eventId, "web01/sshd CRITICAL from syslog: login failed"))
                .toList();
        return new Firing(id, firedAt, rule, "rules.classify", RULESET, facts, List.of(eventIds),
                "classified event as security\nset status CRITICAL", false);
    }

    /**
     * A routine firing of {@code rule} at {@code firedAt}: it matched event {@code eventId} and only
     * classified it (the audit trail packs such firings).
     */
    public static Firing routineFiring(long id, long firedAt, String rule, long eventId) {
        return new Firing(id, firedAt, rule, "rules.classify", RULESET,
                List.of(new FactRef("Event", "event:" + eventId, "web01/sshd - from syslog: session opened")),
                List.of(eventId), "updated event:" + eventId + " web01/sshd NORMAL from syslog: session opened", true);
    }

    /** A batch without snapshot. */
    public static BatchOutcome batch(long lastEventId, long lastFiringId, List<Outcome> outcomes, List<Firing> firings,
                                     Runnable onCommitted) {
        return new BatchOutcome(lastEventId, 0, lastFiringId, outcomes, firings, null, lastEventId * 1_000, onCommitted);
    }

    /** Publishes the batch and waits until the sink has committed it. */
    public static void publishAndWait(OutcomeSink sink, BatchOutcome batch) throws Exception {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        sink.publish(new BatchOutcome(batch.lastEventId(), batch.verifiedEventId(), batch.lastFiringId(), batch.outcomes(), batch.firings(),
                batch.snapshot(), batch.sessionClock(), () -> committed.complete(null)));
        committed.get(10, TimeUnit.SECONDS);
    }

    /** Stores the batches with a writer of their own, as one engine run would. */
    public static void store(DataSource dataSource, BatchOutcome... batches) throws Exception {
        try (OutcomeWriter writer = new OutcomeWriter(dataSource, OutcomeWriterSettings.defaults())) {
            for (BatchOutcome batch : batches) {
                publishAndWait(writer, batch);
            }
        }
    }

    /** A batch that only classifies event {@code eventId}. */
    public static BatchOutcome classified(long eventId, Runnable onCommitted) {
        return batch(eventId, 0, List.of(new Outcome.EventClassified(eventId, "security", null)), List.of(), onCommitted);
    }
}
