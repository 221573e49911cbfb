package io.vigil.session;

import io.vigil.alert.SilenceDefinition;
import io.vigil.model.Event;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.PolicyDocumentException;
import io.vigil.service.ServiceDefinitionException;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.service.sla.PlannedDowntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Rebuilds the engine's session from stored state (see {@link RecoverySource}): restore the
 * latest snapshot or start empty; re-run the journal events after the snapshot up to the
 * checkpoint quietly (their outcomes and firings are stored; no firing ids are used); then run
 * the events after the checkpoint normally, publishing their outcomes.
 *
 * <p>The quiet stretch keeps the session clock where the snapshot left it: batches with process
 * steps always carry a snapshot, so no timer fired in that stretch, and moving the clock could
 * fire one now with its outcome thrown away. The normal stretch and the engine loop then move
 * the clock to wall time, and any timer that came due while the engine was down fires then.
 *
 * <p><b>Unprocessed events.</b> An event can be in the journal without the engine ever having
 * seen it: its commit was not confirmed (the connection broke during COMMIT) and the journal
 * writer went on — the writer now settles such commits before anything later, but a journal
 * written before it did, or a crash at the wrong moment, may hold some. Recovery looks for
 * journaled events below the checkpoint without stored outcomes, above the point the last check
 * reached; the quiet stretch skips them (the session never saw them) and they run normally, with
 * their outcomes stored, right after it. The check's new high-water mark is stored after them, and
 * while the engine runs it moves on with every id processed or given up by the journal writer
 * ({@link JournalContinuity}), so the next start normally has nothing to scan.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    static BatchRunner run(RuleSet ruleSet, EngineSettings settings, RecoverySource source, OutcomeSink sink, long wallNow) {
        return run(ruleSet, settings, source, sink, wallNow, null);
    }

    /**
     * @param activation to store with the first batch: the engine makes {@code ruleSet} active by
     *                   itself (a rollback after a runaway), null when stored state says it is already
     */
    static BatchRunner run(RuleSet ruleSet, EngineSettings settings, RecoverySource source, OutcomeSink sink, long wallNow,
                           Outcome.RuleSetActivated activation) {
        SessionSetup setup = new SessionSetup(settings.escalationInterval(), settings.closeResolvedAfter(),
                source.policyDocument().map(Recovery::parseStoredPolicies).orElse(PolicyDocument.NONE), source.lastIds(),
                settings.fireBudget());
        Optional<BatchOutcome.Snapshot> snapshot = source.latestSnapshot();
        EngineSession session = snapshot.map(s -> restore(ruleSet, setup, s, source))
                .orElseGet(() -> createWithStoredServices(ruleSet, setup, source, wallNow));
        long restoredUpTo = snapshot.map(BatchOutcome.Snapshot::lastEventId).orElse(0L);
        long checkpoint = Math.max(restoredUpTo, source.checkpointEventId());
        long verified = source.verifiedEventId();
        List<Long> unprocessed = verified < checkpoint ? source.unprocessedEventIds(verified, checkpoint) : List.of();
        Set<Long> skipped = new HashSet<>(unprocessed);

        session.setAuditing(false);
        long[] quiet = {0};
        source.readJournal(restoredUpTo, checkpoint, settings.batchSize(), chunk -> {
            List<Event> seen = skipped.isEmpty() ? chunk : chunk.stream().filter(e -> !skipped.contains(e.getId())).toList();
            quiet[0] += seen.size();
            if (!seen.isEmpty() && session.rerun(seen)) {
                log.warn("re-running stored events {}..{} took a process step that no snapshot covers; its outcomes are"
                        + " not stored", first(seen), last(seen));
            }
        });
        session.setAuditing(true);
        if (!session.ruleSetVersion().equals(ruleSet.version())) {
            // The stored stretch ran under the version that processed it; what comes now runs under the active one.
            log.info("rule set {} is active now; the session moves to it from {}, under which its snapshot was taken",
                    ruleSet.version(), session.ruleSetVersion());
            session.switchTo(ruleSet);
        }
        if (activation != null) {
            session.recordActivation(activation);
        }
        String active = ruleSet.version();
        session.previousRuleSetFrom(() -> source.ruleSetBefore(active).flatMap(source::ruleSetSources).map(sources -> {
            try {
                return RuleSet.of(sources);
            } catch (RuleSetCompileException e) {
                log.error("the rule set active before {} does not compile any more; nothing to roll back to: {}", active,
                        e.getMessage());
                return null;
            }
        }).orElse(null));
        // The quiet stretch gave each alert the id it had (the id sequence came with the snapshot);
        // from here on ids must also pass anything stored, whatever the snapshot said.
        session.alerts().continueAfter(setup.lastIds().alert(), setup.lastIds().silence());
        session.notifications().continueAfter(setup.lastIds().notification());

        BatchRunner runner = new BatchRunner(session, sink,
                SnapshotPolicy.afterProcessStepsAndEvery(settings.snapshotInterval()), checkpoint);
        if (!unprocessed.isEmpty()) {
            log.warn("{} journaled events below the checkpoint {} were never processed (first {}, last {}); processing"
                    + " them now", unprocessed.size(), checkpoint, unprocessed.get(0), unprocessed.get(unprocessed.size() - 1));
            source.readJournal(unprocessed, settings.batchSize(), chunk -> runner.runUnprocessed(chunk, wallNow));
        }
        runner.journalVerified(checkpoint);
        long lastJournalId = source.lastJournalId();
        long[] fresh = {0};
        source.readJournal(checkpoint, lastJournalId, settings.batchSize(), chunk -> {
            fresh[0] += chunk.size();
            runner.run(List.of(chunk), wallNow);
        });
        log.info("engine recovered: {} up to event {}, {} stored events re-run quietly, {} events run after the"
                        + " checkpoint {}, journal up to {}", snapshot.isPresent() ? "snapshot" : "no snapshot",
                restoredUpTo, quiet[0], fresh[0], checkpoint, lastJournalId);
        return runner;
    }

    /**
     * A new session on the stored service tree, downtimes and silences. The clock starts at wall time, so
     * SLA windows start now (their past samples are stored; the window rebuilds as time goes on).
     */
    private static EngineSession createWithStoredServices(RuleSet ruleSet, SessionSetup setup, RecoverySource source,
                                                          long wallNow) {
        EngineSession session = EngineSession.create(ruleSet, setup, wallNow);
        ServiceTreeDefinition tree = source.serviceTreeDocument().map(Recovery::parseStoredTree)
                .orElse(ServiceTreeDefinition.EMPTY);
        Map<Long, PlannedDowntime> downtimes = new LinkedHashMap<>();
        source.downtimes().forEach(d -> downtimes.put(d.id(), d.downtime()));
        session.loadServices(tree, downtimes);
        Map<Long, SilenceDefinition> silences = new LinkedHashMap<>();
        source.silences().forEach(s -> silences.put(s.id(), s.silence()));
        session.loadSilences(silences);
        return session;
    }

    private static ServiceTreeDefinition parseStoredTree(String document) {
        try {
            return ServiceTreeParser.parse(document);
        } catch (ServiceDefinitionException e) {
            log.error("the stored service tree does not parse any more; starting with no services: {}", e.getMessage());
            return ServiceTreeDefinition.EMPTY;
        }
    }

    private static PolicyDocument parseStoredPolicies(String document) {
        try {
            return PolicyDocument.parse(document);
        } catch (PolicyDocumentException e) {
            log.error("the stored escalation policies do not parse any more; nobody will be notified until they are"
                    + " replaced: {}", e.getMessage());
            return PolicyDocument.NONE;
        }
    }

    /**
     * Restores the snapshot under the version it was taken with, when that is not the active one and
     * is stored: unmarshalling one version's session into another's knowledge base is unreliable
     * (logical facts of removed rules, changed rules firing again). The session moves to the active
     * version after the stored stretch has been re-run under the version that processed it.
     */
    private static EngineSession restore(RuleSet active, SessionSetup setup, BatchOutcome.Snapshot snapshot,
                                         RecoverySource source) {
        String taken = snapshot.ruleSetVersion();
        if (taken.equals(active.version())) {
            return EngineSession.restore(active, setup, snapshot);
        }
        Optional<SortedMap<String, String>> sources = source.ruleSetSources(taken);
        if (sources.isPresent()) {
            try {
                return EngineSession.restore(RuleSet.of(sources.get()), setup, snapshot);
            } catch (RuleSetCompileException e) {
                log.warn("the snapshot's rule set {} does not compile any more ({}); restoring it into the active {}",
                        taken, e.getMessage(), active.version());
            }
        } else {
            log.warn("the snapshot's rule set {} is not stored; restoring it into the active {}", taken, active.version());
        }
        return EngineSession.restore(active, setup, snapshot);
    }

    private static long first(List<Event> chunk) {
        return chunk.get(0).getId();
    }

    private static long last(List<Event> chunk) {
        return chunk.get(chunk.size() - 1).getId();
    }
}
