package io.vigil.incident;

import io.vigil.model.Alert;
import io.vigil.model.Incident;
import io.vigil.model.IncidentState;
import io.vigil.model.ServiceStatus;
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
import java.util.function.Supplier;

/**
 * The {@code incidents} global and the glue between rules, the incident process
 * ({@value #PROCESS_ID}) and people. Rules open incidents here; the process's work items come
 * back here (a human task waits, an escalation raises the level); commands complete the waiting
 * human task. Every change is an {@link Incident} fact update (so rules see it) and an outcome
 * (so it is stored).
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore: it registers
 * the work-item handlers and finds the open incidents among the restored facts.
 */
public final class IncidentDesk {

    public static final String PROCESS_ID = "vigil.incident";
    static final String ACKNOWLEDGE = "Acknowledge";
    static final String RESOLVE = "Resolve";

    private static final Logger log = LoggerFactory.getLogger(IncidentDesk.class);

    private final Outcomes outcomes;
    private final IdCounters ids;
    private final Supplier<Long> currentFiringId;
    private final String escalateEvery;
    private final Map<Long, FactHandle> incidents = new HashMap<>();
    private KieSession session;
    private boolean processStateChanged;

    /**
     * @param currentFiringId the id of the rule firing running now (null outside one), so an
     *                        incident can name the firing that opened it
     * @param escalationInterval how often an unacknowledged incident escalates
     */
    public IncidentDesk(Outcomes outcomes, IdCounters ids, Supplier<Long> currentFiringId, Duration escalationInterval) {
        if (escalationInterval.toMillis() < 1) {
            throw new IllegalArgumentException("escalation interval must be at least 1 ms, got " + escalationInterval);
        }
        this.outcomes = outcomes;
        this.ids = ids;
        this.currentFiringId = currentFiringId;
        this.escalateEvery = EscalationTimer.cycle(escalationInterval);
    }

    /** Serves {@code kieSession} from now on: work-item handlers, and the open incidents it holds. */
    public void attach(KieSession kieSession) {
        session = kieSession;
        kieSession.getWorkItemManager().registerWorkItemHandler(HumanTaskHandler.NAME, new HumanTaskHandler(this));
        kieSession.getWorkItemManager().registerWorkItemHandler(EscalationHandler.NAME, new EscalationHandler(this));
        incidents.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Incident.class))) {
            incidents.put(((Incident) kieSession.getObject(handle)).getId(), handle);
        }
    }

    /**
     * Called by rules: opens an incident for a module's critical alert and starts its process. The
     * incident's episode is the alert's id.
     */
    public Incident open(Alert alert) {
        long now = now();
        return start(new Incident(ids.nextIncidentId(), alert.getResource(), alert.getCheck(),
                alert.getResource() + "/" + alert.getCheck() + " is " + alert.getStatus(), now, alert.getId()),
                alert.getLastEventId());
    }

    /** Called by rules: opens an incident for a critical service and starts its process. */
    public Incident open(ServiceStatus service) {
        return start(Incident.ofService(ids.nextIncidentId(), service.getService(),
                "service " + service.getService() + " is " + service.getStatus(), now(), service.getChanges()),
                service.getLastEventId());
    }

    private Incident start(Incident incident, Long eventId) {
        // Created before it is started, so IncidentOpened (which needs the process instance id)
        // precedes the task outcomes the start produces.
        ProcessInstance process = session.createProcessInstance(PROCESS_ID,
                Map.of("incidentId", incident.getId(), "escalateEvery", escalateEvery));
        incident.setProcessInstanceId(process.getId());
        incidents.put(incident.getId(), session.insert(incident));
        outcomes.emit(new Outcome.IncidentOpened(incident.getId(), incident.getResource(), incident.getCheck(),
                incident.getTitle(), incident.getOpenedAt(), process.getId(), currentFiringId.get(), eventId,
                incident.getService()));
        processStateChanged = true;
        session.startProcessInstance(process.getId());
        return incident;
    }

    public CommandResult acknowledge(long incidentId, String actor) {
        return completeTask(incidentId, ACKNOWLEDGE, IncidentState.ACKNOWLEDGED, actor);
    }

    public CommandResult resolve(long incidentId, String actor) {
        return completeTask(incidentId, RESOLVE, IncidentState.RESOLVED, actor);
    }

    /**
     * Resolves each incident, in the order given (an id given twice counts once). One that still
     * waits for Acknowledge is acknowledged by the same actor first: its process walks both steps.
     *
     * @return each id's own result: done, not found, or the conflict that stopped it
     */
    public Map<Long, CommandResult> resolveAll(List<Long> incidentIds, String actor) {
        Map<Long, CommandResult> results = new LinkedHashMap<>();
        for (long incidentId : new LinkedHashSet<>(incidentIds)) {
            results.put(incidentId, acknowledgeAndResolve(incidentId, actor));
        }
        return results;
    }

    private CommandResult acknowledgeAndResolve(long incidentId, String actor) {
        Incident incident = find(incidentId);
        Incident.WaitingTask task = incident == null ? null : incident.getWaitingTask();
        if (task != null && task.name().equals(ACKNOWLEDGE)) {
            CommandResult acknowledged = acknowledge(incidentId, actor);
            if (!acknowledged.ok()) {
                return acknowledged;
            }
        }
        return resolve(incidentId, actor);
    }

    /** True once after any process step (incident opened, task opened or done, escalation). */
    public boolean takeProcessStateChanged() {
        boolean changed = processStateChanged;
        processStateChanged = false;
        return changed;
    }

    void taskOpened(long incidentId, long workItemId, String name) {
        Incident incident = find(incidentId);
        if (incident == null) {
            log.error("process of incident {} opened task \"{}\" but the incident fact is gone", incidentId, name);
            return;
        }
        long taskId = ids.nextTaskId();
        incident.setWaitingTask(new Incident.WaitingTask(taskId, workItemId, name));
        session.update(incidents.get(incidentId), incident);
        outcomes.emit(new Outcome.IncidentTaskOpened(incidentId, taskId, name, now(), workItemId));
        processStateChanged = true;
    }

    void taskAborted(long incidentId, long workItemId) {
        Incident incident = find(incidentId);
        if (incident != null && incident.getWaitingTask() != null
                && incident.getWaitingTask().workItemId() == workItemId) {
            incident.setWaitingTask(null);
            session.update(incidents.get(incidentId), incident);
            processStateChanged = true;
        }
    }

    void escalate(long incidentId) {
        Incident incident = find(incidentId);
        if (incident == null) {
            log.error("escalation timer of incident {} fired but the incident fact is gone", incidentId);
            return;
        }
        incident.setEscalationLevel(incident.getEscalationLevel() + 1);
        session.update(incidents.get(incidentId), incident);
        outcomes.emit(new Outcome.IncidentEscalated(incidentId, incident.getEscalationLevel(), now()));
        processStateChanged = true;
    }

    private CommandResult completeTask(long incidentId, String taskName, IncidentState next, String actor) {
        Incident incident = find(incidentId);
        if (incident == null) {
            return CommandResult.notFound("incident " + incidentId
                    + " has no running process (it does not exist or was resolved)");
        }
        Incident.WaitingTask task = incident.getWaitingTask();
        if (task == null || !task.name().equals(taskName)) {
            return CommandResult.conflict("incident " + incidentId + " is " + incident.getState()
                    + " and has no " + taskName + " task waiting"
                    + (task == null ? "" : " (it waits for " + task.name() + ")"));
        }
        long now = now();
        incident.setWaitingTask(null);
        incident.setState(next);
        session.update(incidents.get(incidentId), incident);
        outcomes.emit(new Outcome.IncidentTaskCompleted(incidentId, task.taskId(), task.name(), now, actor));
        outcomes.emit(next == IncidentState.ACKNOWLEDGED
                ? new Outcome.IncidentAcknowledged(incidentId, now, actor)
                : new Outcome.IncidentResolved(incidentId, now, actor));
        processStateChanged = true;
        session.getWorkItemManager().completeWorkItem(task.workItemId(), Map.of("actor", actor));
        return CommandResult.done();
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

    private long now() {
        return session.getSessionClock().getCurrentTime();
    }
}
