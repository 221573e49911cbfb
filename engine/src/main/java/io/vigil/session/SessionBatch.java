package io.vigil.session;

import io.vigil.audit.Firing;

import java.util.List;

/**
 * What a session produced since it was last drained.
 *
 * @param processStateChanged whether a process step happened (incident opened, task opened or
 *                            completed, escalation); the engine then takes a snapshot
 */
public record SessionBatch(List<Outcome> outcomes, List<Firing> firings, boolean processStateChanged) {
}
