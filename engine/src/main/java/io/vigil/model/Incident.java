package io.vigil.model;

import io.vigil.notify.policy.Recipient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An incident as a fact in the session, kept while its process runs (and a little after, see
 * rules/incidents/open-incident.drl). The incident desk changes it as the process moves on; the
 * rules read it to decide whether an element already has an incident.
 *
 * <p>An incident is about a module (resource/check) or a service. {@code episode} says what it
 * covered last: for a module, the id of the newest critical {@link Alert} of the module (it covers
 * every alert up to that id); for a service, the change count ({@link ServiceStatus#getChanges()})
 * of its last critical episode. A resolved incident keeps its module or service from opening
 * another one for what it covered.
 *
 * <p>The waiting task (id, jBPM work item id and name) lives here, not in the desk, so that it
 * survives a snapshot and restore together with the process instance that waits for it.
 */
public final class Incident implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String resource;
    private final String check;
    private final String service;
    private final String title;
    private final long openedAt;
    private long processInstanceId;
    private IncidentState state = IncidentState.OPEN;
    private int escalationLevel;
    private int escalationRound;
    private long episode;
    private WaitingTask waitingTask;
    private Long alertId;
    private IncidentPriority priority = IncidentPriority.NORMAL;
    private String policy;
    private String assignee;
    private Long snoozedUntil;
    private boolean recovered;
    private boolean escalationStarted;
    private boolean escalationResumes;
    private final List<Recipient> notified = new ArrayList<>();

    /** The human step a process instance waits for. */
    public record WaitingTask(long taskId, long workItemId, String name) implements Serializable {
    }

    /** An incident of a module (resource/check). */
    public Incident(long id, String resource, String check, String title, long openedAt, long episode) {
        this(id, resource, check, null, title, openedAt, episode);
    }

    /** An incident of a service: no resource or check. */
    public static Incident ofService(long id, String service, String title, long openedAt, long episode) {
        return new Incident(id, null, null, service, title, openedAt, episode);
    }

    private Incident(long id, String resource, String check, String service, String title, long openedAt,
                     long episode) {
        this.id = id;
        this.resource = resource;
        this.check = check;
        this.service = service;
        this.title = title;
        this.openedAt = openedAt;
        this.episode = episode;
    }

    public long getId() { return id; }
    public String getResource() { return resource; }
    public String getCheck() { return check; }
    /** The service of a service incident; null for a module's. */
    public String getService() { return service; }
    public String getTitle() { return title; }
    public long getOpenedAt() { return openedAt; }
    public long getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(long processInstanceId) { this.processInstanceId = processInstanceId; }
    public IncidentState getState() { return state; }
    public void setState(IncidentState state) { this.state = state; }
    public int getEscalationLevel() { return escalationLevel; }
    public void setEscalationLevel(int escalationLevel) { this.escalationLevel = escalationLevel; }
    /** How many times the policy's levels have run again after the last one (its "repeat"). */
    public int getEscalationRound() { return escalationRound; }
    public void setEscalationRound(int escalationRound) { this.escalationRound = escalationRound; }
    /** The alert that opened it; null for a service incident. */
    public Long getAlertId() { return alertId; }
    public void setAlertId(Long alertId) { this.alertId = alertId; }
    public IncidentPriority getPriority() { return priority; }
    public void setPriority(IncidentPriority priority) { this.priority = priority; }
    /** The escalation policy chosen when it opened, or null when none matched. */
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    /** While snoozed: when escalation resumes (session clock); else null. */
    public Long getSnoozedUntil() { return snoozedUntil; }
    public void setSnoozedUntil(Long snoozedUntil) { this.snoozedUntil = snoozedUntil; }
    /** The process's first "Notify" step has run. */
    public boolean isEscalationStarted() { return escalationStarted; }
    public void setEscalationStarted(boolean escalationStarted) { this.escalationStarted = escalationStarted; }
    /** A snooze ended: the next "Notify" step notifies the level reached again instead of the next one. */
    public boolean isEscalationResumes() { return escalationResumes; }
    public void setEscalationResumes(boolean escalationResumes) { this.escalationResumes = escalationResumes; }
    /** Its problem went away (the alert cleared, the service recovered); the all-clear went out. */
    public boolean isRecovered() { return recovered; }
    public void setRecovered(boolean recovered) { this.recovered = recovered; }
    /** Everyone a notification about it went to, in order, each once: they get the all-clear. */
    public List<Recipient> getNotified() { return Collections.unmodifiableList(notified); }
    public void addNotified(Recipient recipient) {
        if (notified.stream().noneMatch(known -> known.key().equals(recipient.key()))) {
            notified.add(recipient);
        }
    }
    public long getEpisode() { return episode; }
    public void setEpisode(long episode) { this.episode = episode; }
    /** The task the process waits for, or null. */
    public WaitingTask getWaitingTask() { return waitingTask; }
    public void setWaitingTask(WaitingTask waitingTask) { this.waitingTask = waitingTask; }

    @Override
    public String factId() {
        return "incident:" + id;
    }

    @Override
    public String summary() {
        return (service != null ? "service " + service : resource + "/" + check) + " " + state + " level " + escalationLevel
                + (waitingTask == null ? "" : " waiting for " + waitingTask.name());
    }

    @Override
    public String toString() {
        return "Incident#" + id + "(" + summary() + ")";
    }
}
