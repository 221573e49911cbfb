package io.vigil.session.backtest;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Event;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.session.BatchOutcome;
import io.vigil.session.BatchRunner;
import io.vigil.session.EngineSession;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;
import io.vigil.session.SnapshotPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs recorded events through two rule-set versions side by side — the baseline (usually the active
 * one) and a candidate — each in a session of its own started from the same state (the given service
 * tree, nothing else), and collects where their outcomes differ. Events go in chunk by chunk as the
 * engine took them, the clock moved to the latest receive time of each chunk first, as the engine's
 * follows wall time. Firings are not recorded: only outcomes are compared.
 *
 * <p>Memory stays bounded whatever the range: per-event outcomes are compared chunk by chunk and
 * only counts and a few examples are kept.
 */
public final class Backtest implements AutoCloseable {

    static final int EXAMPLES = 5;
    static final int SERVICE_EXAMPLES = 10;

    private final Side baseline;
    private final Side candidate;
    private long events;
    private long classifiedDifferently;
    private final Map<String, long[]> pairCounts = new TreeMap<>();
    private final Map<String, List<BacktestResult.Example>> pairExamples = new HashMap<>();

    public Backtest(RuleSet baseline, RuleSet candidate, ServiceTreeDefinition tree, long clockStart,
                    Duration escalationInterval) {
        this.baseline = new Side(baseline, tree, clockStart, escalationInterval);
        this.candidate = new Side(candidate, tree, clockStart, escalationInterval);
    }

    /** Runs one chunk of events (in id order) through both versions and compares their classifications. */
    public void run(List<Event> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        long clock = chunk.stream().mapToLong(Event::getReceivedAt).max().orElseThrow();
        baseline.run(copies(chunk), clock);
        candidate.run(copies(chunk), clock);
        for (Event event : chunk) {
            String before = baseline.classified.getOrDefault(event.getId(), "unclassified");
            String after = candidate.classified.getOrDefault(event.getId(), "unclassified");
            if (!before.equals(after)) {
                classifiedDifferently++;
                String pair = before + "\u0000" + after;
                pairCounts.computeIfAbsent(pair, p -> new long[1])[0]++;
                List<BacktestResult.Example> examples = pairExamples.computeIfAbsent(pair, p -> new ArrayList<>());
                if (examples.size() < EXAMPLES) {
                    examples.add(new BacktestResult.Example(event.getId(), event.getResource(), event.getCheck(),
                            event.getMessage()));
                }
            }
        }
        baseline.classified.clear();
        candidate.classified.clear();
        events += chunk.size();
    }

    public long events() {
        return events;
    }

    public BacktestResult result() {
        List<BacktestResult.ClassificationChange> changes = new ArrayList<>();
        pairCounts.forEach((pair, count) -> {
            String[] sides = pair.split("\u0000", 2);
            changes.add(new BacktestResult.ClassificationChange(sides[0], sides[1], count[0], pairExamples.get(pair)));
        });
        changes.sort(Comparator.comparingLong(BacktestResult.ClassificationChange::count).reversed());
        return new BacktestResult(baseline.ruleSet.version(), candidate.ruleSet.version(), events, classifiedDifferently,
                changes, countChanges(baseline.alerts, candidate.alerts), countChanges(baseline.incidents, candidate.incidents),
                serviceChanges());
    }

    private static List<BacktestResult.CountChange> countChanges(Map<String, long[]> before, Map<String, long[]> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<BacktestResult.CountChange> changes = new ArrayList<>();
        for (String key : keys) {
            long b = before.getOrDefault(key, new long[1])[0];
            long a = after.getOrDefault(key, new long[1])[0];
            if (a != b) {
                changes.add(new BacktestResult.CountChange(key, b, a));
            }
        }
        return changes;
    }

    private List<BacktestResult.ServiceChange> serviceChanges() {
        Set<String> services = new TreeSet<>(baseline.serviceChanges.keySet());
        services.addAll(candidate.serviceChanges.keySet());
        List<BacktestResult.ServiceChange> changes = new ArrayList<>();
        for (String service : services) {
            List<String> before = baseline.serviceChanges.getOrDefault(service, List.of());
            List<String> after = candidate.serviceChanges.getOrDefault(service, List.of());
            if (!before.equals(after)) {
                changes.add(new BacktestResult.ServiceChange(service, before.size(), after.size(),
                        onlyIn(before, after), onlyIn(after, before)));
            }
        }
        return changes;
    }

    private static List<String> onlyIn(List<String> these, List<String> those) {
        Set<String> other = Set.copyOf(those);
        return these.stream().filter(change -> !other.contains(change)).limit(SERVICE_EXAMPLES).toList();
    }

    /** Each session gets its own event objects: rules change the facts they hold. */
    private static List<Event> copies(List<Event> chunk) {
        List<Event> copies = new ArrayList<>(chunk.size());
        for (Event e : chunk) {
            copies.add(new Event(e.getId(), e.getReceivedAt(), e.getOccurredAt(), e.getTransport(), e.getSource(),
                    e.getResource(), e.getCheck(), e.getReceivedStatus(), e.getSeverity(), e.getMessage(),
                    e.getAttributes()));
        }
        return copies;
    }

    @Override
    public void close() {
        baseline.session.close();
        candidate.session.close();
    }

    /** One version's session and what its outcomes said so far. */
    private static final class Side implements OutcomeSink {
        private final RuleSet ruleSet;
        private final EngineSession session;
        private final BatchRunner runner;
        private final Map<Long, String> classified = new HashMap<>();
        private final Map<String, long[]> alerts = new LinkedHashMap<>();
        private final Map<String, long[]> incidents = new LinkedHashMap<>();
        private final Map<String, List<String>> serviceChanges = new HashMap<>();

        Side(RuleSet ruleSet, ServiceTreeDefinition tree, long clockStart, Duration escalationInterval) {
            this.ruleSet = ruleSet;
            this.session = EngineSession.create(ruleSet, SessionSetup.fresh(escalationInterval), clockStart);
            session.setAuditing(false);
            session.loadServices(tree, Map.of());
            this.runner = new BatchRunner(session, this, SnapshotPolicy.never(), 0);
        }

        void run(List<Event> chunk, long clock) {
            runner.run(List.of(chunk), clock);
        }

        @Override
        public void publish(BatchOutcome batch) {
            for (Outcome outcome : batch.outcomes()) {
                if (outcome instanceof Outcome.EventClassified c) {
                    classified.put(c.eventId(), Objects.toString(c.category(), "none") + "/"
                            + (c.status() == null ? "none" : c.status().name()));
                } else if (outcome instanceof Outcome.AlertChanged a
                        && a.change() == AlertChangeKind.OPENED) {
                    alerts.computeIfAbsent(a.alert().key(), k -> new long[1])[0]++;
                } else if (outcome instanceof Outcome.IncidentOpened o) {
                    String about = o.service() != null ? "service " + o.service() : o.resource() + "/" + o.check();
                    incidents.computeIfAbsent(about, k -> new long[1])[0]++;
                } else if (outcome instanceof Outcome.ServiceStatusChanged s) {
                    serviceChanges.computeIfAbsent(s.service(), k -> new ArrayList<>())
                            .add(s.status() + " at " + Instant.ofEpochMilli(s.at()));
                }
            }
            batch.onCommitted().run();
        }
    }
}
