package io.vigil.session;

import io.vigil.alert.AlertDesk;
import io.vigil.alert.MaintenanceWindows;
import io.vigil.alert.SilenceDefinition;
import io.vigil.audit.FiringRecorder;
import io.vigil.incident.IncidentDesk;
import io.vigil.incident.IncidentSurroundings;
import io.vigil.model.Event;
import io.vigil.notify.NotificationDesk;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.service.ServiceDesk;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.sla.PlannedDowntime;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Drools session with the rule set's rules and processes, and the only code that touches
 * it. Not thread-safe: one thread owns it (the engine thread, or a test, replay or benchmark).
 *
 * <p><b>Clock.</b> The session always runs on the <em>pseudo</em> clock, which moves only when
 * its owner calls {@link #advanceTo}. In production the engine thread advances it to wall time
 * on every loop turn (it polls its inbox with a ~100 ms timeout, so a turn comes at least that
 * often); tests and replay advance it to the times they want, usually the events' times. We do
 * not use Drools' realtime clock because with it jBPM's timer jobs (escalations) run on timer
 * threads and touch the session concurrently, breaking the rule that one thread owns the
 * session. With the pseudo clock every timer fires on the owning thread, within one loop turn
 * (~100 ms) of being due. The clock never goes backwards.
 *
 * <p><b>Globals.</b> Rules talk to the world only through {@code outcomes} ({@link Outcomes}),
 * {@code incidents} ({@link IncidentDesk}), {@code services} ({@link ServiceDesk}) and {@code alerts}
 * ({@link AlertDesk}); a rule set that declares any other global is refused.
 *
 * <p><b>Services.</b> The session always holds one service tree and one SLA book (see
 * {@link ServiceDesk}). SLA samples are taken here, on the engine thread, every time the clock
 * moves: before the next events go in, so each sample sees the status of its moment.
 */
public final class EngineSession implements AutoCloseable {

    private RuleSet ruleSet;
    private final KieContainer container;
    private final KieSession kieSession;
    private final SessionPseudoClock clock;
    private final FiringRecorder recorder;
    private final Outcomes outcomes;
    private final IncidentDesk desk;
    private final ServiceDesk services;
    private final AlertDesk alerts;
    private final NotificationDesk notifications;
    private final ProcessIdCounters processIds;
    private long insertedSinceFire;
    private boolean policiesReplaced;
    private boolean ruleSetSwitched;
    private RuleSet previousRuleSet;
    private Supplier<RuleSet> storedPreviousRuleSet = () -> null;
    private long lastEventId;
    private final RunawayGuard guard;
    private final EventRetirement retirement;
    private final long fireBudgetNanos;

    private EngineSession(RuleSet ruleSet, KieContainer container, KieSession kieSession, SessionSetup setup,
                          ProcessIdCounters processIds) {
        LastIds lastIds = setup.lastIds();
        this.ruleSet = ruleSet;
        this.container = container;
        this.kieSession = kieSession;
        this.processIds = processIds;
        this.clock = kieSession.getSessionClock();
        this.fireBudgetNanos = setup.fireBudget().toNanos();
        this.guard = new RunawayGuard(kieSession);
        this.retirement = new EventRetirement(kieSession);
        this.recorder = new FiringRecorder(ruleSet.version(), clock::getCurrentTime, lastIds.firing());
        this.outcomes = new Outcomes(outcome -> {
            if (outcome instanceof Outcome.EventClassified classified) {
                recorder.noteClassification(classified.eventId(), classified);
            } else {
                recorder.note(outcome);
            }
        });
        this.services = new ServiceDesk(outcomes, lastIds.downtime());
        this.alerts = new AlertDesk(outcomes, recorder::currentFiringId, clock::getCurrentTime);
        this.notifications = new NotificationDesk(outcomes, setup.escalationInterval());
        this.desk = new IncidentDesk(outcomes, new IdCounters(lastIds.incident(), lastIds.task()),
                recorder::currentFiringId, notifications, new SessionSurroundings(), setup.closeResolvedAfter());
        setGlobals(Map.of("outcomes", outcomes, "incidents", desk, "services", services, "alerts", alerts));
        kieSession.addEventListener((AgendaEventListener) recorder);
        kieSession.addEventListener(guard);
        kieSession.addEventListener((RuleRuntimeEventListener) recorder);
        notifications.attach(kieSession);
        notifications.configure(setup.policies());
        desk.attach(kieSession);
        services.attach(kieSession);
        alerts.attach(kieSession);
    }

    /** Adds a listener to the session's agenda (on the engine thread, between turns). */
    void addAgendaListener(AgendaEventListener listener) {
        kieSession.addEventListener(listener);
    }

    /** What an opening incident needs to know of this session's service tree and dependencies. */
    private final class SessionSurroundings implements IncidentSurroundings {

        @Override
        public Set<String> servicesOf(String resource, String check, String service) {
            return services.tree().servicesAbove(resource, check, service);
        }

        @Override
        public boolean isDependencyRoot(String resource) {
            return alerts.correlation().dependencies().stream().anyMatch(d -> d.dependsOn().contains(resource));
        }
    }

    /** A new, empty session whose clock starts at {@code clockStart} (epoch ms). */
    public static EngineSession create(RuleSet ruleSet, SessionSetup setup, long clockStart) {
        KieContainer container = ruleSet.newContainer();
        KieSession kieSession = container.getKieBase().newKieSession(configuration(), null);
        LastIds lastIds = setup.lastIds();
        EngineSession session = new EngineSession(ruleSet, container, kieSession, setup,
                ProcessIdCounters.attach(kieSession, lastIds.processInstance(), lastIds.workItem()));
        session.advanceTo(clockStart);
        return session;
    }

    /**
     * Rebuilds a session from a snapshot: facts, process instances, waiting work items and timers
     * come back; globals, listeners and work-item handlers are set again (they are not marshalled),
     * and so are jBPM's id counters, from the snapshot or stored state, whichever is higher.
     * Events do not come back: Drools would not expire them (see {@link SessionSnapshots}).
     *
     * <p>Snapshots are taken only after {@code fireAllRules} returned, so nothing was due to fire
     * when this one was taken. Drools 7's marshaller nevertheless loses track of some matches that
     * had fired (fixed upstream only in 10.x): unmarshalling creates them again and they would fire
     * a second time — a second incident, a second status change. Every match the restored session
     * offers before anything new happens is therefore dropped unfired.
     */
    public static EngineSession restore(RuleSet ruleSet, SessionSetup setup, BatchOutcome.Snapshot snapshot) {
        KieContainer container = ruleSet.newContainer();
        KieSession kieSession = SessionSnapshots.unmarshal(container.getKieBase(), ruleSet.version(), snapshot,
                configuration());
        LastIds lastIds = setup.lastIds();
        ProcessIdCounters processIds = ProcessIdCounters.attach(kieSession,
                Math.max(snapshot.lastProcessInstanceId(), lastIds.processInstance()),
                Math.max(snapshot.lastWorkItemId(), lastIds.workItem()));
        EngineSession session = new EngineSession(ruleSet, container, kieSession, setup, processIds);
        session.lastEventId = snapshot.lastEventId();
        kieSession.fireAllRules(match -> false);
        session.advanceTo(snapshot.sessionClock());
        return session;
    }

    private static KieSessionConfiguration configuration() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.get("pseudo"));
        return configuration;
    }

    private void setGlobals(Map<String, Object> provided) {
        KieBase kieBase = kieSession.getKieBase();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                Object value = provided.get(global.getName());
                if (value == null) {
                    throw new IllegalArgumentException("rule set declares global \"" + global.getName()
                            + "\" in package " + kiePackage.getName() + ", but the engine provides only "
                            + provided.keySet());
                }
                kieSession.setGlobal(global.getName(), value);
            }
        }
    }

    public void insert(List<Event> events) {
        insertAll(events);
    }

    /**
     * Moves the session to another rule-set version, in place: rules added, changed or removed;
     * facts, alerts, statuses, process instances, waiting tasks and timers stay. Call it between
     * batches, after {@link #fire()}: what the old version had to do is done. Matches the switch
     * itself creates (a new or changed rule on facts already here) are dropped unfired, so nothing
     * that happened before the switch is processed a second time. The next batch carries a snapshot,
     * so a restart never needs the old version for the events after the switch.
     *
     * @return the version that was active before
     */
    public String switchTo(RuleSet next) {
        String previous = ruleSet.version();
        next.moveHere(container);
        retirement.ruleSetChanged();
        kieSession.fireAllRules(match -> false);
        previousRuleSet = ruleSet;
        storedPreviousRuleSet = () -> null;
        ruleSet = next;
        recorder.ruleSetVersion(next.version());
        ruleSetSwitched = true;
        return previous;
    }

    private List<FactHandle> insertAll(List<Event> events) {
        List<FactHandle> handles = new ArrayList<>(events.size());
        for (Event event : events) {
            handles.add(kieSession.insert(event));
        }
        insertedSinceFire += events.size();
        if (!events.isEmpty()) {
            lastEventId = Math.max(lastEventId, events.get(events.size() - 1).getId());
        }
        return handles;
    }

    /**
     * Recovery's quiet re-run of events whose outcomes are stored already: inserts, fires, and
     * deletes them again. {@link #fire()} already takes them out unless the rule set gives events
     * an expiry; then they are deleted here, because recovery keeps the clock still (moving it could
     * run a timer whose outcome would be lost) and they would not expire on their own.
     *
     * @return whether a process step happened, which should not (it would have been snapshotted)
     */
    public boolean rerun(List<Event> events) {
        List<FactHandle> handles = insertAll(events);
        fire();
        for (FactHandle handle : handles) {
            if (kieSession.getObject(handle) != null) {
                kieSession.delete(handle);
            }
        }
        fire();
        return drain().processStateChanged();
    }

    /**
     * Moves the session clock forward to {@code epochMillis}, running the timers due by then, taking
     * the SLA samples due by then and ending what the alert desk waits for; never backwards.
     */
    public void advanceTo(long epochMillis) {
        long delta = epochMillis - clock.getCurrentTime();
        if (delta > 0) {
            clock.advanceTime(delta, TimeUnit.MILLISECONDS);
            services.sample();
            alerts.tick(clock.getCurrentTime());
            notifications.tick(clock.getCurrentTime());
        }
    }

    /**
     * Puts the stored service tree and planned downtimes into a new session (a start without a
     * snapshot; a snapshot carries them). Quiet: stored state already says all of it.
     */
    public void loadServices(ServiceTreeDefinition tree, Map<Long, PlannedDowntime> downtimes) {
        services.load(tree, downtimes);
        alerts.configure(tree.correlation());
    }

    /** Puts silences made through the API back into a new session (a start without a snapshot). */
    public void loadSilences(Map<Long, SilenceDefinition> silences) {
        silences.forEach(alerts::restoreSilence);
    }

    /** The session clock, epoch ms. */
    public long clock() {
        return clock.getCurrentTime();
    }

    /**
     * Fires the rules until nothing is left to fire. Gives up after far more firings than the inserted
     * events can explain (a few rules fire per event), or after the setup's fire budget: a looping rule
     * must not hang the engine thread for ever. What is left would fire on the next call.
     *
     * @throws RunawayRulesException naming the rule that fired most
     */
    public int fire() {
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(100_000L, insertedSinceFire * 100L));
        insertedSinceFire = 0;
        guard.arm(fireBudgetNanos);
        int fired = fireWithin(limit);
        // The events' rules have fired: take them out (see EventRetirement), and let what reacts to
        // their going fire too. A rule that inserts events as others go ends at the budget.
        while (retirement.retire()) {
            fired += fireWithin(limit);
        }
        return fired;
    }

    private int fireWithin(int limit) {
        int fired = kieSession.fireAllRules(limit);
        if (fired >= limit) {
            throw guard.runaway("fired " + fired + " times");
        }
        if (guard.overBudget()) {
            long millis = fireBudgetNanos / 1_000_000;
            throw guard.runaway("ran longer than " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
        }
        return fired;
    }

    /**
     * The version that was active before this one: the one the session switched from, or (after a
     * restart) the one stored state says was active before; null when there was none. A stored one
     * is compiled the first time it is asked for (only a runaway asks).
     */
    public RuleSet previousRuleSet() {
        if (previousRuleSet == null) {
            previousRuleSet = storedPreviousRuleSet.get();
            storedPreviousRuleSet = () -> null;
        }
        return previousRuleSet;
    }

    /** Where to find the version active before this one when the session did not switch in this run. */
    void previousRuleSetFrom(Supplier<RuleSet> stored) {
        this.storedPreviousRuleSet = stored;
    }

    /**
     * Records that the session now runs another version than the one stored as active (the engine
     * rolled back by itself after a runaway): stored with the next batch, which carries a snapshot.
     */
    void recordActivation(Outcome.RuleSetActivated activation) {
        outcomes.emit(activation);
        ruleSetSwitched = true;
    }

    /**
     * Runs a person's command: a step of an incident process, a new service tree or policy document, a
     * planned downtime, an action on alerts or silences.
     */
    public CommandResult execute(EngineCommand command) {
        if (command instanceof EngineCommand.IncidentCommand incidentCommand) {
            return incidentCommand.runOn(desk);
        }
        if (command instanceof EngineCommand.ResolveIncidents resolve) {
            return CommandResult.each(desk.resolveAll(resolve.incidentIds(), resolve.code(), resolve.actor()));
        }
        if (command instanceof EngineCommand.ReplacePolicies replace) {
            return replacePolicies(replace);
        }
        if (command instanceof EngineCommand.ReplaceServiceTree replace) {
            CommandResult result = services.replace(replace.definition(), replace.document(), replace.actor());
            if (result.ok()) {
                alerts.configure(replace.definition().correlation());
            }
            return result;
        }
        if (command instanceof EngineCommand.ScheduleDowntime schedule) {
            return services.schedule(schedule.service(), schedule.start(), schedule.end(), schedule.comment(),
                    schedule.actor());
        }
        if (command instanceof EngineCommand.CancelDowntime cancel) {
            return services.cancel(cancel.downtimeId(), cancel.actor());
        }
        if (command instanceof EngineCommand.AlertCommand alertCommand) {
            return alertCommand.runOn(alerts);
        }
        if (command instanceof EngineCommand.AddSilence add) {
            return addSilence(add);
        }
        if (command instanceof EngineCommand.ActivateRuleSet activate) {
            return activate(activate);
        }
        if (command instanceof EngineCommand.ExpireSilence expire) {
            List<Long> downtimes = alerts.downtimesOf(expire.silenceId());
            CommandResult result = alerts.expireSilence(expire.silenceId(), expire.actor());
            if (result.ok()) {
                downtimes.forEach(id -> services.cancel(id, expire.actor()));
            }
            return result;
        }
        throw new IllegalArgumentException("unknown engine command " + command);
    }

    private CommandResult activate(EngineCommand.ActivateRuleSet activate) {
        String version = activate.ruleSet().version();
        if (version.equals(ruleSet.version())) {
            return CommandResult.conflict("rule set " + version + " is already active");
        }
        String previous = switchTo(activate.ruleSet());
        outcomes.emit(new Outcome.RuleSetActivated(version, previous, activate.kind(), activate.actor(), lastEventId,
                clock()));
        return CommandResult.done();
    }

    private CommandResult replacePolicies(EngineCommand.ReplacePolicies replace) {
        PolicyDocument document = replace.document();
        notifications.configure(document);
        outcomes.emit(new Outcome.PoliciesReplaced(document.version(), document.text(), document.policies().size(),
                document.schedules().size(), replace.actor(), clock()));
        policiesReplaced = true;
        return CommandResult.done();
    }

    /**
     * A silence, and the planned downtime of every service whose elements it selects: a maintenance
     * window keeps the services' SLAs too.
     */
    private CommandResult addSilence(EngineCommand.AddSilence add) {
        CommandResult result = alerts.addSilence(add.definition(), add.actor());
        if (!result.ok()) {
            return result;
        }
        SilenceDefinition silence = add.definition();
        List<Long> downtimes = new ArrayList<>();
        for (String service : MaintenanceWindows.servicesSelected(silence.matchers(), services.tree().definition())) {
            CommandResult downtime = services.schedule(service, silence.start().toEpochMilli(),
                    silence.end().toEpochMilli(), "silence " + result.createdId() + ": " + silence.comment(), add.actor());
            if (downtime.ok()) {
                downtimes.add(downtime.createdId());
            }
        }
        alerts.maintenanceWindow(result.createdId(), downtimes);
        return result;
    }

    /**
     * Outcomes and firings since the last drain. A new service tree or downtime counts as a
     * process step: the journal cannot rebuild it, so the batch must carry a snapshot.
     */
    public SessionBatch drain() {
        notifications.tick(clock());
        boolean processStep = desk.takeProcessStateChanged();
        boolean servicesChanged = services.takeStateChanged();
        boolean alertsChanged = alerts.takeStateChanged();
        boolean notificationsChanged = notifications.takeStateChanged() || policiesReplaced;
        policiesReplaced = false;
        boolean switched = ruleSetSwitched;
        ruleSetSwitched = false;
        return new SessionBatch(outcomes.drain(), recorder.drain(),
                processStep || servicesChanged || alertsChanged || notificationsChanged || switched);
    }

    /** Recording firings costs; recovery turns it off while it re-runs events whose firings are stored. */
    public void setAuditing(boolean auditing) {
        recorder.setEnabled(auditing);
    }

    public long lastFiringId() {
        return recorder.lastFiringId();
    }

    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** The rule-set version the session runs now. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The incident desk (the {@code incidents} global), e.g. for process tests without rules. */
    public IncidentDesk incidents() {
        return desk;
    }

    /** The alert desk (the {@code alerts} global). */
    public AlertDesk alerts() {
        return alerts;
    }

    /** The notification desk: escalation policies in force and notifications waiting to be decided. */
    public NotificationDesk notifications() {
        return notifications;
    }

    /** The service desk (the {@code services} global): the tree and SLA book of this session. */
    public ServiceDesk services() {
        return services;
    }

    /** The facts of one type in the session (tests, diagnostics). */
    public <T> List<T> facts(Class<T> type) {
        return kieSession.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    /** How many process instances are running (waiting for a task or a timer). */
    public int activeProcesses() {
        return kieSession.getProcessInstances().size();
    }

    /** Marshals the session (facts, process instances, work items, timers) as of {@code lastEventId}. */
    public BatchOutcome.Snapshot snapshot(long lastEventId) {
        return new BatchOutcome.Snapshot(lastEventId, ruleSet.version(), clock(), processIds.lastProcessInstanceId(),
                processIds.lastWorkItemId(), SessionSnapshots.marshal(kieSession.getKieBase(), kieSession));
    }

    @Override
    public void close() {
        kieSession.dispose();
        container.dispose();
    }
}
