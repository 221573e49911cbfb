package io.vigil.store;

import java.util.List;

/** An incident with its tasks (in the order they opened) and its timeline (oldest first). */
public record IncidentDetail(IncidentRow incident, List<IncidentTaskRow> tasks, List<IncidentTimelineRow> timeline) {
}
