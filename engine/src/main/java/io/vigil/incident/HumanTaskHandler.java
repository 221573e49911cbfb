package io.vigil.incident;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;

/**
 * Handles the incident process's user tasks (jBPM's "Human Task" work items) without
 * jbpm-human-task: the work item stays pending in the session, the desk records it as the
 * incident's waiting task, and a person's command completes it later.
 */
final class HumanTaskHandler implements WorkItemHandler {

    static final String NAME = "Human Task";

    private final IncidentDesk desk;

    HumanTaskHandler(IncidentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        desk.taskOpened(WorkItems.incidentId(workItem), workItem.getId(), (String) workItem.getParameter("TaskName"));
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        desk.taskAborted(WorkItems.incidentId(workItem), workItem.getId());
    }
}
