package io.vigil.web.incident;

import io.vigil.store.IncidentRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the incident page's buttons and forms apply now, from the task the process waits for:
 * Acknowledge and Snooze while it waits for Acknowledge, "take back" while snoozed, Investigate
 * and Resolve until it is resolved (the engine walks the steps before them), Close once resolved;
 * assign while it is being worked, notes until it is closed. Also which diagram nodes show where
 * the incident stands.
 *
 * @param waitingFor  the name of the open task (Acknowledge, Snoozed, Investigate, Resolve, Close), or null
 * @param highlighted the BPMN node ids of the current step: the waiting task's, and the escalation
 *                    sub-process while the incident is OPEN
 */
record IncidentSteps(String waitingFor, boolean acknowledge, boolean takeBack, boolean snooze, boolean investigate,
                     boolean resolve, boolean close, boolean assign, boolean note, List<String> highlighted) {

    static final String ACKNOWLEDGE = "Acknowledge";
    static final String SNOOZED = "Snoozed";
    static final String INVESTIGATE = "Investigate";
    static final String RESOLVE = "Resolve";
    static final String CLOSE = "Close";

    /** Task name → node id in processes/incident.bpmn2. */
    static final Map<String, String> NODES = Map.of(ACKNOWLEDGE, "acknowledge", SNOOZED, "snoozed",
            INVESTIGATE, "investigate", RESOLVE, "resolve", CLOSE, "close");
    static final String ESCALATION_NODE = "escalation";

    private static final Set<String> BEING_WORKED = Set.of("OPEN", "ACKNOWLEDGED", "INVESTIGATING");

    static IncidentSteps of(IncidentRow incident, String waitingFor) {
        String task = waitingFor == null ? "" : waitingFor;
        boolean beforeInvestigate = task.equals(ACKNOWLEDGE) || task.equals(SNOOZED);
        boolean beforeResolve = beforeInvestigate || task.equals(INVESTIGATE) || task.equals(RESOLVE);
        List<String> highlighted = new ArrayList<>();
        if (NODES.containsKey(task)) {
            highlighted.add(NODES.get(task));
        }
        if ("OPEN".equals(incident.state())) {
            highlighted.add(ESCALATION_NODE);
        }
        return new IncidentSteps(waitingFor, task.equals(ACKNOWLEDGE), task.equals(SNOOZED), task.equals(ACKNOWLEDGE),
                beforeInvestigate || task.equals(INVESTIGATE), beforeResolve, task.equals(CLOSE),
                BEING_WORKED.contains(incident.state()), !"CLOSED".equals(incident.state()), List.copyOf(highlighted));
    }
}
