package io.vigil.model;

/** How an incident was resolved, ITSM-style: what the resolver says was done about it. */
public enum ResolutionCode {
    /** The cause was found and fixed. */
    FIXED,
    /** Worked around; the cause remains (a problem record's job). */
    WORKAROUND,
    /** Nothing wrong was found. */
    NO_FAULT_FOUND,
    /** Another incident covers it. */
    DUPLICATE,
    /** Caused outside our control (provider, customer, planned work elsewhere). */
    EXTERNAL,
    /** It went away by itself: the engine resolved it when its alert cleared. */
    RECOVERED
}
