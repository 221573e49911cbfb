package io.vigil.model;

/**
 * Where an incident's process stands, the ITSM way; the names are what the incident table stores.
 * Each state but the last has one human task waiting (see processes/incident.bpmn2).
 */
public enum IncidentState {
    /** Waiting for someone to acknowledge it; its escalation policy notifies level after level. */
    OPEN,
    /** Someone owns it (or snoozed it); escalation has stopped. Waiting for the investigation to start. */
    ACKNOWLEDGED,
    /** Being worked on; waiting to be resolved. */
    INVESTIGATING,
    /** Fixed, with a resolution code; waiting to be closed (or closed automatically after a while). */
    RESOLVED,
    /** Done; the process has ended. */
    CLOSED;

    /** Still a problem someone has to work: not resolved or closed. */
    public boolean isActive() {
        return this == OPEN || this == ACKNOWLEDGED || this == INVESTIGATING;
    }
}
