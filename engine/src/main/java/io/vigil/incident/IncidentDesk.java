package io.vigil.incident;

import io.vigil.alert.MatchTarget;
import io.vigil.model.Alert;
import io.vigil.model.Incident;
import io.vigil.model.IncidentPriority;
import io.vigil.model.IncidentState;
import io.vigil.model.ResolutionCode;
import io.vigil.model.ServiceStatus;
import io.vigil.notify.EscalationStep;
import io.vigil.notify.NotificationDesk;
import io.vigil.notify.policy.EscalationPolicy;
import io.vigil.notify.policy.Recipient;
import io.vigil.session.CommandResult;
import io.vigil.session.IdCounters;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code incidents} global and the glue between rules, the incident process
 * ({@value #PROCESS_ID}, processes/incident.bpmn2) and people. Rules open incidents here and report
 * their recovery; the process's work items come back here (a human task waits, a level is notified,
 * a resolved incident closes itself); people's commands complete the waiting task — walking the
 * steps before it when they skip ahead (resolving an OPEN incident acknowledges and investigates it
 * first, by the same person). Every change is an {@link Incident} fact update (so rules see it) and
 * an outcome (so it is stored).
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore: it registers
 * the work-item handlers and finds the open incidents among the restored facts.
 */
public final class IncidentDesk {

    public static final String PROCESS_ID = "vigil.incident";
    static final String ACKNOWLEDGE = "Acknowledge";
    static final String SNOOZED = "Snoozed";
    static final String INVESTIGATE = "Investigate";
    static final String RESOLVE = "Resolve";
    static final String CLOSE = "Close";
    /** The signal that cancels the Escalation sub-process of one process instance. */
    static final String STOP_ESCALATION = "StopEscalation";

    private static final Logger log = LoggerFactory.getLogger(IncidentDesk.class);

    private final Outcomes outcomes;
    private final IdCounters ids;
    private final Supplier<Long> currentFiringId;
    private final NotificationDesk notifications;
    private final IncidentSurroundings surroundings;
    private final String closeAfter;
    private final Map<Long, FactHandle> incidents = new HashMap<>();
    private KieSession session;
    private boolean processStateChanged;

    /**
     * @param currentFiringId    the id of the rule firing running now (null outside one), so an
     *                           incident can name the firing that opened it
     * @param closeResolvedAfter how long a resolved incident waits for someone to close it before the
     *                           engine closes it
     */
    public IncidentDesk(Outcomes outcomes, IdCounters ids, Supplier<Long> currentFiringId,
                        NotificationDesk notifications, IncidentSurroundings surroundings, Duration closeResolvedAfter) {
        if (closeResolvedAfter.toMillis() < 1) {
            throw new IllegalArgumentException("closing resolved incidents after " + closeResolvedAfter
                    + " is too soon: at least 1 ms");
        }
        this.outcomes = outcomes;
        this.ids = ids;
        this.currentFiringId = currentFiringId;
        this.notifications = notifications;
        this.surroundings = surroundings;
        this.closeAfter = closeResolvedAfter.toMillis() + "ms";
    }

    /** Serves {@code kieSession} from now on: work-item handlers, and the open incidents it holds. */
    public void attach(KieSession kieSession) {
        session = kieSession;
        kieSession.getWorkItemManager().registerWorkItemHandler(HumanTaskHandler.NAME, new HumanTaskHandler(this));
        kieSession.getWorkItemManager().registerWorkItemHandler(NotifyHandler.NAME, new NotifyHandler(this));
        kieSession.getWorkItemManager().registerWorkItemHandler(AutoCloseHandler.NAME, new AutoCloseHandler(this));
        incidents.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Incident.class))) {
            incidents.put(((Incident) kieSession.getObject(handle)).getId(), handle);
        }
    }

    // ---- from the rules ---------------------------------------------------------------------

    /**
     * Called by rules: opens an incident for a module's critical alert and starts its process. The
     * incident's episode is the alert's id. HIGH priority when other resources depend on this one.
     */
    public Incident open(Alert alert) {
        Incident incident = new Incident(ids.nextIncidentId(), alert.getResource(), alert.getCheck(),
                alert.getResource() + "/" + alert.getCheck() + " is " + alert.getStatus(), now(), alert.getId());
        incident.setAlertId(alert.getId());
        incident.setPriority(surroundings.isDependencyRoot(alert.getResource()) ? IncidentPriority.HIGH
                : IncidentPriority.NORMAL);
        MatchTarget target = MatchTarget.ofAlert(alert.getSource(), alert.getResource(), alert.getCheck(),
                alert.getCategory(), alert.getStatus(), alert.getLocation(), null, alert.getAttributes());
        choosePolicy(incident, target, surroundings.servicesOf(alert.getResource(), alert.getCheck(), null));
        return start(incident, alert.getLastEventId());
    }

    /** Called by rules: opens an incident for a critical service (HIGH priority) and starts its process. */
    public Incident open(ServiceStatus service) {
        Incident incident = Incident.ofService(ids.nextIncidentId(), service.getService(),
                "service " + service.getService() + " is " + service.getStatus(), now(), service.getChanges());
        incident.setPriority(IncidentPriority.HIGH);
        MatchTarget target = MatchTarget.ofAlert(null, null, null, null, service.getStatus(), null,
                service.getService(), Map.of());
        choosePolicy(incident, target, surroundings.servicesOf(null, null, service.getService()));
        return start(incident, service.getLastEventId());
    }

    private void choosePolicy(Incident incident, MatchTarget target, Set<String> services) {
        notifications.policyFor(target, services).map(EscalationPolicy::name).ifPresent(incident::setPolicy);
    }

    private Incident start(Incident incident, Long eventId) {
        // Created before it is started, so IncidentOpened (which needs the process instance id)
        // precedes the task outcomes the start produces.
        // Every timer expression's variable has a value from the start: jBPM resolves the timer names
        // of waiting boundary events whenever a signal or timer reaches the instance.
        ProcessInstance process = session.createProcessInstance(PROCESS_ID, Map.of("incidentId", incident.getId(),
                "closeAfter", closeAfter, "snoozeFor", "", "nextAfter", ""));
        incident.setProcessInstanceId(process.getId());
        incidents.put(incident.getId(), session.insert(incident));
        outcomes.emit(new Outcome.IncidentOpened(incident.getId(), incident.getResource(), incident.getCheck(),
                incident.getTitle(), incident.getOpenedAt(), process.getId(), currentFiringId.get(), eventId,
                incident.getService(), incident.getPriority(), incident.getPolicy(), incident.getAlertId()));
        processStateChanged = true;
        session.startProcessInstance(process.getId());
        return incident;
    }

    /**
     * Called by rules when the incident's problem has gone away (every alert it covered cleared, its
     * service is NORMAL again): everyone it notified gets the all-clear, and when its policy says so
     * an incident still being worked is resolved ({@link ResolutionCode#RECOVERED}) by the engine.
     */
    public void recovered(Incident incident) {
        if (incident.isRecovered()) {
            return;
        }
        long now = now();
        incident.setRecovered(true);
        update(incident);
        outcomes.emit(new Outcome.IncidentRecovered(incident.getId(), now));
        notifications.allClear(incident, now);
        processStateChanged = true;
        boolean autoResolve = incident.getPolicy() != null && notifications.policies().policy(incident.getPolicy())
                .map(EscalationPolicy::autoResolve).orElse(false);
        if (autoResolve && incident.getState().isActive()) {
            resolve(incident.getId(), ResolutionCode.RECOVERED, "its problem went away", null);
        }
    }

    // ---- from the process ---------------------------------------------------------------------

    void taskOpened(long incidentId, long workItemId, String name) {
        Incident incident = find(incidentId);
        if (incident == null) {
            log.error("process of incident {} opened task \"{}\" but the incident fact is gone", incidentId, name);
            return;
        }
        long now = now();
        long taskId = ids.nextTaskId();
        incident.setWaitingTask(new Incident.WaitingTask(taskId, workItemId, name));
        if (name.equals(ACKNOWLEDGE) && incident.getSnoozedUntil() != null) {
            incident.setSnoozedUntil(null);
            incident.setState(IncidentState.OPEN);
            outcomes.emit(new Outcome.IncidentSnoozeEnded(incidentId, now));
        }
        update(incident);
        outcomes.emit(new Outcome.IncidentTaskOpened(incidentId, taskId, name, now, workItemId));
        processStateChanged = true;
    }

    void taskAborted(long incidentId, long workItemId) {
        Incident incident = find(incidentId);
        Incident.WaitingTask task = incident == null ? null : incident.getWaitingTask();
        if (task != null && task.workItemId() == workItemId) {
            incident.setWaitingTask(null);
            update(incident);
            outcomes.emit(new Outcome.IncidentTaskCancelled(incidentId, task.taskId(), task.name(), now()));
            processStateChanged = true;
        }
    }

    EscalationStep notifyNextLevel(long incidentId) {
        Incident incident = find(incidentId);
        if (incident == null) {
            log.error("escalation of incident {} is due but the incident fact is gone", incidentId);
            return new EscalationStep(0, List.of(), false, 0);
        }
        int before = incident.getEscalationLevel();
        long now = now();
        EscalationStep step = notifications.escalate(incident, now);
        incident.setEscalationLevel(step.level());
        update(incident);
        if (step.level() > 0 && (incident.getPolicy() != null || step.level() > before)) {
            outcomes.emit(new Outcome.IncidentEscalated(incidentId, step.level(), now,
                    step.notified().stream().map(Recipient::key).toList()));
        }
        processStateChanged = true;
        return step;
    }

    void closedByTimer(long incidentId) {
        Incident incident = find(incidentId);
        if (incident == null) {
            log.error("incident {} closes itself but the incident fact is gone", incidentId);
            return;
        }
        incident.setState(IncidentState.CLOSED);
        update(incident);
        outcomes.emit(new Outcome.IncidentClosed(incidentId, now(), null));
        processStateChanged = true;
    }

    // ---- people's commands --------------------------------------------------------------------

    /** Acknowledges an OPEN incident (escalation stops), or takes a snoozed one back. */
    public CommandResult acknowledge(long incidentId, String actor) {
        Incident incident = find(incidentId);
        Incident.WaitingTask task = incident == null ? null : incident.getWaitingTask();
        if (task != null && task.name().equals(SNOOZED)) {
            incident.setSnoozedUntil(null);
            complete(incident, task, results(actor), actor, new Outcome.IncidentAcknowledged(incidentId, now(), actor));
            return CommandResult.done();
        }
        return step(incidentId, ACKNOWLEDGE, (waiting, waitingTask) -> {
            waiting.setState(IncidentState.ACKNOWLEDGED);
            stopEscalation(waiting);
            complete(waiting, waitingTask, results(actor, "snoozeFor", ""), actor,
                    new Outcome.IncidentAcknowledged(incidentId, now(), actor));
        });
    }

    /** Acknowledges an OPEN incident for a while: escalation pauses and resumes when the snooze runs out. */
    public CommandResult snooze(long incidentId, Duration duration, String actor) {
        if (duration.toMillis() < 1) {
            return CommandResult.conflict("snooze for " + duration + " is too short: at least 1 ms");
        }
        return step(incidentId, ACKNOWLEDGE, (waiting, waitingTask) -> {
            long until = now() + duration.toMillis();
            waiting.setState(IncidentState.ACKNOWLEDGED);
            waiting.setSnoozedUntil(until);
            waiting.setEscalationResumes(true);
            stopEscalation(waiting);
            complete(waiting, waitingTask, results(actor, "snoozeFor", duration.toMillis() + "ms"), actor,
                    new Outcome.IncidentSnoozed(incidentId, until, now(), actor));
        });
    }

    /** Starts the investigation, acknowledging first if nobody has. */
    public CommandResult investigate(long incidentId, String actor) {
        walkTo(incidentId, INVESTIGATE, actor);
        return step(incidentId, INVESTIGATE, (waiting, waitingTask) -> {
            waiting.setState(IncidentState.INVESTIGATING);
            complete(waiting, waitingTask, results(actor), actor, new Outcome.IncidentInvestigating(incidentId, now(), actor));
        });
    }

    /**
     * Resolves with a resolution code and an optional note, walking the steps before Resolve first.
     * {@code actor} null: the engine resolves it (its problem went away).
     */
    public CommandResult resolve(long incidentId, ResolutionCode code, String note, String actor) {
        walkTo(incidentId, RESOLVE, actor);
        return step(incidentId, RESOLVE, (waiting, waitingTask) -> {
            waiting.setState(IncidentState.RESOLVED);
            complete(waiting, waitingTask, results(actor), actor,
                    new Outcome.IncidentResolved(incidentId, now(), actor, code, note));
        });
    }

    /** Closes a resolved incident; its process ends. */
    public CommandResult close(long incidentId, String actor) {
        return step(incidentId, CLOSE, (waiting, waitingTask) -> {
            waiting.setState(IncidentState.CLOSED);
            complete(waiting, waitingTask, results(actor), actor, new Outcome.IncidentClosed(incidentId, now(), actor));
        });
    }

    /** Assigns an incident that is still being worked; a null or blank assignee takes the assignment back. */
    public CommandResult assign(long incidentId, String assignee, String actor) {
        Incident incident = find(incidentId);
        if (incident == null || !incident.getState().isActive()) {
            return incident == null ? notRunning(incidentId)
                    : CommandResult.conflict("incident " + incidentId + " is " + incident.getState()
                    + "; only an incident still being worked can be assigned");
        }
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        incident.setAssignee(who);
        update(incident);
        outcomes.emit(new Outcome.IncidentAssigned(incidentId, who, now(), actor));
        processStateChanged = true;
        return CommandResult.done();
    }

    /** Adds a note to the incident's timeline. */
    public CommandResult note(long incidentId, String text, String actor) {
        if (find(incidentId) == null) {
            return notRunning(incidentId);
        }
        outcomes.emit(new Outcome.IncidentNoted(incidentId, text, now(), actor));
        processStateChanged = true;
        return CommandResult.done();
    }

    /**
     * Resolves each incident, in the order given (an id given twice counts once), walking each through
     * the steps before Resolve.
     *
     * @return each id's own result: done, not found, or the conflict that stopped it
     */
    public Map<Long, CommandResult> resolveAll(List<Long> incidentIds, ResolutionCode code, String actor) {
        Map<Long, CommandResult> results = new LinkedHashMap<>();
        for (long incidentId : new LinkedHashSet<>(incidentIds)) {
            results.put(incidentId, resolve(incidentId, code, null, actor));
        }
        return results;
    }

    /** True once after any process step (incident opened, task opened or done, a level notified). */
    public boolean takeProcessStateChanged() {
        boolean changed = processStateChanged;
        processStateChanged = false;
        return changed;
    }

    // ---- how a step is taken -------------------------------------------------------------------

    private interface Step {
        void take(Incident incident, Incident.WaitingTask task);
    }

    /** Takes {@code step} if the incident waits for {@code taskName}; otherwise says why not. */
    private CommandResult step(long incidentId, String taskName, Step step) {
        Incident incident = find(incidentId);
        if (incident == null) {
            return notRunning(incidentId);
        }
        Incident.WaitingTask task = incident.getWaitingTask();
        if (task == null || !task.name().equals(taskName)) {
            return CommandResult.conflict("incident " + incidentId + " is " + incident.getState()
                    + " and has no " + taskName + " task waiting"
                    + (task == null ? "" : " (it waits for " + task.name() + ")"));
        }
        step.take(incident, task);
        return CommandResult.done();
    }

    /**
     * Takes the steps before {@code taskName} that the incident still waits for: Acknowledge (or taking a
     * snoozed incident back), then Investigate. Stops at the first that does not apply; the caller's
     * own step then reports where the incident stands.
     */
    private void walkTo(long incidentId, String taskName, String actor) {
        List<String> order = List.of(ACKNOWLEDGE, INVESTIGATE, RESOLVE);
        for (int guard = 0; guard < order.size(); guard++) {
            Incident incident = find(incidentId);
            Incident.WaitingTask task = incident == null ? null : incident.getWaitingTask();
            if (task == null || task.name().equals(taskName)) {
                return;
            }
            boolean walked = switch (task.name()) {
                case ACKNOWLEDGE, SNOOZED -> acknowledge(incidentId, actor).ok();
                case INVESTIGATE -> !taskName.equals(INVESTIGATE) && investigate(incidentId, actor).ok();
                default -> false;
            };
            if (!walked) {
                return;
            }
        }
    }

    /**
     * Completes the waiting task: its outcome and the state change it makes come before whatever the
     * process does next (the next task opening), so the stored story reads in order.
     */
    private void complete(Incident incident, Incident.WaitingTask task, Map<String, Object> results, String actor,
                          Outcome stateChange) {
        incident.setWaitingTask(null);
        update(incident);
        outcomes.emit(new Outcome.IncidentTaskCompleted(incident.getId(), task.taskId(), task.name(), now(), actor));
        outcomes.emit(stateChange);
        processStateChanged = true;
        session.getWorkItemManager().completeWorkItem(task.workItemId(), results);
    }

    /** A work item's results: who did it ("" for the engine) and the given name/value pair if any. */
    private static Map<String, Object> results(String actor, String... nameAndValue) {
        Map<String, Object> results = new HashMap<>();
        results.put("actor", actor == null ? "" : actor);
        if (nameAndValue.length == 2) {
            results.put(nameAndValue[0], nameAndValue[1]);
        }
        return results;
    }

    private void stopEscalation(Incident incident) {
        session.signalEvent(STOP_ESCALATION, null, incident.getProcessInstanceId());
    }

    private static CommandResult notRunning(long incidentId) {
        return CommandResult.notFound("incident " + incidentId
                + " has no running process (it does not exist or was closed)");
    }

    /** The incident's fact, or null when it is not (or no longer) in the session. */
    private Incident find(long incidentId) {
        FactHandle handle = incidents.get(incidentId);
        Object fact = handle == null ? null : session.getObject(handle);
        if (fact == null) {
            incidents.remove(incidentId);
            return null;
        }
        return (Incident) fact;
    }

    /** The incident's fact, for tests and the console's diagnostics. */
    public Optional<Incident> incident(long incidentId) {
        return Optional.ofNullable(find(incidentId));
    }

    private void update(Incident incident) {
        session.update(incidents.get(incident.getId()), incident);
    }

    private long now() {
        return session.getSessionClock().getCurrentTime();
    }
}
