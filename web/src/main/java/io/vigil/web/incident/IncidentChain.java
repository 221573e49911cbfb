package io.vigil.web.incident;

/**
 * The audit chain from an incident back to its cause: the firing of the rule that opened it, the
 * event that made the element critical, and that event's raw text as received. Links point to
 * the API resources; any part may be null when it is not stored (yet).
 */
record IncidentChain(Long firingId, String firing, String rule, Long eventId, String event, String raw) {
}
