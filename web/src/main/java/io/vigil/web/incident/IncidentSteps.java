package io.vigil.web.incident;

import io.vigil.store.IncidentRow;

/**
 * Which of the incident page's buttons work now: only the step the process waits for. A button
 * that does not says why in its title.
 *
 * @param waitingFor the name of the open task (Acknowledge, Resolve), or null when none is open
 */
record IncidentSteps(String waitingFor, boolean acknowledge, String acknowledgeTitle, boolean resolve, String resolveTitle) {

    static final String ACKNOWLEDGE = "Acknowledge";
    static final String RESOLVE = "Resolve";

    static IncidentSteps of(IncidentRow incident, String waitingFor) {
        boolean resolved = "RESOLVED".equals(incident.state());
        String nothingToDo = resolved ? "Resolved by " + incident.resolvedBy() + ": nothing is left to do"
                : "The incident waits for " + (waitingFor == null ? "no step right now" : waitingFor);
        boolean acknowledge = ACKNOWLEDGE.equals(waitingFor);
        boolean resolve = RESOLVE.equals(waitingFor);
        String acknowledgeTitle = acknowledge ? "Take the incident: stops its escalation"
                : !resolved && incident.acknowledgedBy() != null ? "Already acknowledged by " + incident.acknowledgedBy()
                : nothingToDo;
        String resolveTitle = resolve ? "Close the incident: the problem is dealt with"
                : acknowledge ? "Acknowledge it first: the incident waits for Acknowledge"
                : nothingToDo;
        return new IncidentSteps(waitingFor, acknowledge, acknowledgeTitle, resolve, resolveTitle);
    }
}
