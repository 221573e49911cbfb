package io.vigil.incident;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;

/**
 * Handles the "Escalate" work item the incident process runs each time the boundary timer on
 * its Acknowledge task fires: raises the incident's escalation level and completes at once.
 * (Notifications per level come with the escalation engine.)
 */
final class EscalationHandler implements WorkItemHandler {

    static final String NAME = "Escalate";

    private final IncidentDesk desk;

    EscalationHandler(IncidentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        desk.escalate(WorkItems.incidentId(workItem));
        manager.completeWorkItem(workItem.getId(), null);
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Completes synchronously in executeWorkItem, so there is never anything to abort.
    }
}
