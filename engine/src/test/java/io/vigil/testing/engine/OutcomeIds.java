package io.vigil.testing.engine;

import io.vigil.session.LastIds;
import io.vigil.session.Outcome;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The ids stored state would hold after these outcomes: MAX(id) of incidents, tasks and downtimes,
 * the highest process instance and work item the incidents and tasks name, the highest alert, silence and notification. No firings: those
 * are counted by whoever keeps them.
 */
final class OutcomeIds {

    private OutcomeIds() {
    }

    static LastIds lastIds(List<Outcome> outcomes) {
        return new LastIds(0, max(outcomes, Outcome.IncidentOpened.class, Outcome.IncidentOpened::incidentId),
                max(outcomes, Outcome.IncidentTaskOpened.class, Outcome.IncidentTaskOpened::taskId),
                max(outcomes, Outcome.DowntimeScheduled.class, Outcome.DowntimeScheduled::downtimeId),
                max(outcomes, Outcome.IncidentOpened.class, Outcome.IncidentOpened::processInstanceId),
                max(outcomes, Outcome.IncidentTaskOpened.class, Outcome.IncidentTaskOpened::workItemId),
                max(outcomes, Outcome.AlertChanged.class, o -> o.alert().id()),
                max(outcomes, Outcome.SilenceAdded.class, Outcome.SilenceAdded::silenceId),
                max(outcomes, Outcome.NotificationDecided.class, o -> o.notification().id()));
    }

    private static <T extends Outcome> long max(List<Outcome> outcomes, Class<T> kind, ToLongFunction<T> id) {
        return outcomes.stream().filter(kind::isInstance).map(kind::cast).mapToLong(id).max().orElse(0);
    }
}
