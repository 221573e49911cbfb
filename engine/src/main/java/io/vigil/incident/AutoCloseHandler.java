package io.vigil.incident;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;

/**
 * Handles the incident process's "AutoClose" work item, reached when a resolved incident's Close
 * task waited its full time: the engine closes the incident.
 */
final class AutoCloseHandler implements WorkItemHandler {

    static final String NAME = "AutoClose";

    private final IncidentDesk desk;

    AutoCloseHandler(IncidentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        desk.closedByTimer(WorkItems.incidentId(workItem));
        manager.completeWorkItem(workItem.getId(), null);
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Completes synchronously in executeWorkItem, so there is never anything to abort.
    }
}
