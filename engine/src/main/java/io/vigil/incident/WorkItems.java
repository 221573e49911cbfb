package io.vigil.incident;

import org.kie.api.runtime.process.WorkItem;

/** Reads the parameters the incident process passes to its work items. */
final class WorkItems {

    private WorkItems() {
    }

    static long incidentId(WorkItem workItem) {
        Object id = workItem.getParameter("incidentId");
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("work item " + workItem.getId() + " (" + workItem.getName()
                    + ") has no numeric incidentId parameter, got \"" + id + "\"");
        }
        return number.longValue();
    }
}
