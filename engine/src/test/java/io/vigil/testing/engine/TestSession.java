package io.vigil.testing.engine;

import io.vigil.audit.Firing;
import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.model.ElementStatus;
import io.vigil.model.Event;
import io.vigil.model.Incident;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.notify.Notification;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineSession;
import io.vigil.session.LastIds;
import io.vigil.session.Outcome;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionBatch;
import io.vigil.session.SessionSetup;
import io.vigil.testing.notify.PolicyFixtures;
import io.vigil.testing.service.ServiceFixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh session on the real rule set of the test's classpath (in rules/: rules and processes;
 * in processes/: processes only) with the pseudo clock at {@link #START}, for
 * {@code insert → advance → fire → assert} tests. Keeps every outcome and firing so far.
 */
public final class TestSession implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    public static final Duration ESCALATION = Duration.ofMinutes(15);

    private static RuleSet classpathRuleSet;

    private final Duration escalationInterval;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Firing> firings = new ArrayList<>();
    private EngineSession session;
    private long lastEventId;

    private TestSession(Duration escalationInterval) {
        this.escalationInterval = escalationInterval;
        this.session = EngineSession.create(ruleSet(), SessionSetup.fresh(escalationInterval), START.toEpochMilli());
    }

    /** The classpath's rule set, compiled once per test JVM. */
    public static synchronized RuleSet ruleSet() {
        if (classpathRuleSet == null) {
            classpathRuleSet = RuleSet.fromClasspath();
        }
        return classpathRuleSet;
    }

    public static TestSession start() {
        return start(ESCALATION);
    }

    public static TestSession start(Duration escalationInterval) {
        return new TestSession(escalationInterval);
    }

    /** An event about {@code resource}/{@code check}, occurring now unless told otherwise. */
    public TestEvent event(String resource, String check) {
        return new TestEvent(this, ++lastEventId, resource, check);
    }

    /** Moves the clock on by {@code gap}, then sends a status report of {@code resource}/{@code check}. */
    public List<Outcome> report(Duration gap, String resource, String check, Status status) {
        advance(gap);
        return event(resource, check).status(status).send();
    }

    /** Inserts events (without firing). */
    public TestSession insert(Event... events) {
        session.insert(List.of(events));
        return this;
    }

    /** Fires the rules; returns the outcomes of this call. */
    public List<Outcome> fire() {
        session.fire();
        return drain();
    }

    /** Moves the clock on (running due timers) and fires; returns the outcomes of this call. */
    public List<Outcome> advance(Duration duration) {
        session.advanceTo(now() + duration.toMillis());
        return fire();
    }

    public CommandResult acknowledge(long incidentId) {
        return command(new EngineCommand.Acknowledge(incidentId, "alice"));
    }

    public CommandResult resolve(long incidentId) {
        return command(new EngineCommand.Resolve(incidentId, "alice"));
    }

    /** Puts {@code src/test/resources/policy/<caseName>.yml} (engine test-jar) in force. */
    public CommandResult replacePolicies(String caseName) {
        return command(new EngineCommand.ReplacePolicies(PolicyFixtures.document(caseName), "alice"));
    }

    /** The notifications decided so far. */
    public List<Notification> notifications() {
        return outcomes(Outcome.NotificationDecided.class).stream().map(Outcome.NotificationDecided::notification).toList();
    }

    /** Replaces the service tree with {@code src/test/resources/service/<caseName>.yml} (engine test-jar). */
    public CommandResult replaceTree(String caseName) {
        ServiceTreeDefinition definition = ServiceFixtures.definition(caseName);
        return command(new EngineCommand.ReplaceServiceTree(definition, ServiceTreeExporter.toYaml(definition), "alice"));
    }

    public CommandResult scheduleDowntime(String service, long start, long end) {
        return command(new EngineCommand.ScheduleDowntime(service, start, end, "maintenance", "alice"));
    }

    public CommandResult cancelDowntime(long downtimeId) {
        return command(new EngineCommand.CancelDowntime(downtimeId, "alice"));
    }

    public CommandResult command(EngineCommand command) {
        CommandResult result = session.execute(command);
        fire();
        return result;
    }

    /**
     * Marshals the session and continues on a session restored from those bytes, with the id
     * counters stored state would give (the highest ids the outcomes so far name).
     */
    public TestSession snapshotAndRestore() {
        return snapshotAndRestore(OutcomeIds.lastIds(outcomes).withFiring(session.lastFiringId()));
    }

    /**
     * As {@link #snapshotAndRestore()}, but stored state names no process instance or work item:
     * the snapshot alone must say where jBPM's counters stand.
     */
    public TestSession snapshotAndRestoreWithoutStoredProcessIds() {
        LastIds stored = OutcomeIds.lastIds(outcomes);
        return snapshotAndRestore(new LastIds(session.lastFiringId(), stored.incident(), stored.task(), stored.downtime(), 0,
                0, stored.alert(), stored.silence(), stored.notification()));
    }

    private TestSession snapshotAndRestore(LastIds stored) {
        var snapshot = session.snapshot(lastEventId);
        session.close();
        // As a restart does: the policy document comes from stored state, not from the snapshot.
        PolicyDocument policies = session.notifications().policies();
        session = EngineSession.restore(ruleSet(), new SessionSetup(escalationInterval, stored).withPolicies(policies),
                snapshot);
        return this;
    }

    private List<Outcome> drain() {
        SessionBatch batch = session.drain();
        outcomes.addAll(batch.outcomes());
        firings.addAll(batch.firings());
        return batch.outcomes();
    }

    /** Session clock, epoch ms. */
    public long now() {
        return session.clock();
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public <T extends Outcome> List<T> outcomes(Class<T> kind) {
        return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public List<Firing> firings() {
        return List.copyOf(firings);
    }

    public List<ElementStatus> elements() {
        return session.facts(ElementStatus.class);
    }

    /** The active alerts (cleared ones the session still remembers are left out). */
    public List<Alert> alerts() {
        return session.facts(Alert.class).stream().filter(a -> a.getState() != AlertState.CLEARED).toList();
    }

    /** The only active alert with {@code key}. */
    public Alert alert(String key) {
        return alerts().stream().filter(a -> a.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no active alert \"" + key + "\""));
    }

    /** The alert changes so far, as "kind id status state" lines, in order. */
    public List<String> alertChanges() {
        return outcomes(Outcome.AlertChanged.class).stream()
                .map(o -> o.change() + " " + o.alert().id() + " " + o.alert().status() + " " + o.alert().state())
                .toList();
    }

    public List<Incident> incidents() {
        return session.facts(Incident.class);
    }

    /** The session's service tree fact. */
    public ServiceTree tree() {
        return session.services().tree();
    }

    public ServiceStatus service(String name) {
        return session.facts(ServiceStatus.class).stream().filter(s -> s.getService().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ServiceStatus fact for \"" + name + "\""));
    }

    public EngineSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}
