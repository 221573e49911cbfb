package io.vigil.web.incident;

import io.vigil.store.IncidentDetail;
import io.vigil.store.IncidentRow;
import io.vigil.store.IncidentTaskRow;
import io.vigil.store.IncidentTimelineRow;

import java.util.List;

/**
 * An incident as the API shows it: its row, tasks and timeline, and the chain back to what
 * opened it (firing → event → raw text), so an operator sees why without a second call.
 */
record IncidentView(IncidentRow incident, List<IncidentTaskRow> tasks, List<IncidentTimelineRow> timeline,
                    IncidentChain chain) {

    static IncidentView of(IncidentDetail detail, IncidentChain chain) {
        return new IncidentView(detail.incident(), detail.tasks(), detail.timeline(), chain);
    }
}
