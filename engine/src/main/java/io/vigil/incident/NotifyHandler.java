package io.vigil.incident;

import io.vigil.notify.EscalationStep;
import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;

import java.util.Map;

/**
 * Handles the "Notify" work item of the incident process's Escalation sub-process: notifies the
 * next level through the desk and completes at once, telling the process whether another level
 * follows ({@code more}) and after how long ({@code nextAfter}, jBPM's {@code <n>ms}; not ISO
 * {@code PT…}, whose first delay jBPM computes from the wall clock, wrong under the pseudo clock).
 */
final class NotifyHandler implements WorkItemHandler {

    static final String NAME = "Notify";

    private final IncidentDesk desk;

    NotifyHandler(IncidentDesk desk) {
        this.desk = desk;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        EscalationStep step = desk.notifyNextLevel(WorkItems.incidentId(workItem));
        manager.completeWorkItem(workItem.getId(),
                Map.of("more", step.more(), "nextAfter", Math.max(1, step.nextAfterMillis()) + "ms"));
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Completes synchronously in executeWorkItem, so there is never anything to abort.
    }
}
