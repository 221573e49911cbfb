package io.vigil.model;

import java.io.Serializable;

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
    private long episode;
    private WaitingTask waitingTask;

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
