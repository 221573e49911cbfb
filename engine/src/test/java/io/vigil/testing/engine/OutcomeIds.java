package io.vigil.testing.engine;

import io.vigil.session.Outcome;

import java.util.List;

/** The id counters stored state would hold after these outcomes (MAX(id) of incidents, tasks and downtimes). */
final class OutcomeIds {

    private OutcomeIds() {
    }

    static long lastIncidentId(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome.IncidentOpened.class::isInstance).map(Outcome.IncidentOpened.class::cast)
                .mapToLong(Outcome.IncidentOpened::incidentId).max().orElse(0);
    }

    static long lastTaskId(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome.IncidentTaskOpened.class::isInstance).map(Outcome.IncidentTaskOpened.class::cast)
                .mapToLong(Outcome.IncidentTaskOpened::taskId).max().orElse(0);
    }

    static long lastDowntimeId(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome.DowntimeScheduled.class::isInstance)
                .map(Outcome.DowntimeScheduled.class::cast).mapToLong(Outcome.DowntimeScheduled::downtimeId).max().orElse(0);
    }
}
