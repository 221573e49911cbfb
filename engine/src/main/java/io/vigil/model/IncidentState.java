package io.vigil.model;

/** Where an incident's process stands; the names are what the incident table stores. */
public enum IncidentState {
    /** Waiting for someone to acknowledge it; the escalation timer runs. */
    OPEN,
    /** Someone owns it; waiting to be resolved. */
    ACKNOWLEDGED,
    /** Done; the process has ended. */
    RESOLVED
}
