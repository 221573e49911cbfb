package io.vigil.model;

/**
 * How urgent an incident is. HIGH: a service is CRITICAL, or the failing resource is one that
 * others depend on (a dependency root) — its escalation policy may accelerate.
 */
public enum IncidentPriority {
    NORMAL,
    HIGH
}
