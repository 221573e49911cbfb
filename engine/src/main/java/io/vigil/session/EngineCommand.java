package io.vigil.session;

import io.vigil.alert.AlertDesk;
import io.vigil.alert.SilenceDefinition;
import io.vigil.service.ServiceTreeDefinition;

import java.time.Duration;
import java.util.List;

/** Something a person asks of the engine; executed on the engine thread, between batches. */
public sealed interface EngineCommand {

    /** Who asked: a user name or {@code token:<name>}; recorded with the effect. */
    String actor();

    /** A step of an incident's process. */
    sealed interface IncidentCommand extends EngineCommand {
        long incidentId();
    }

    record Acknowledge(long incidentId, String actor) implements IncidentCommand {
    }

    record Resolve(long incidentId, String actor) implements IncidentCommand {
    }

    /**
     * Resolves several incidents at once, each as far as it can go: one still waiting for
     * Acknowledge is acknowledged and then resolved by the same actor. Answered with one result per id.
     */
    record ResolveIncidents(List<Long> incidentIds, String actor) implements EngineCommand {
        public ResolveIncidents {
            incidentIds = List.copyOf(incidentIds);
        }
    }

    /**
     * Replaces the whole service tree at once (all or nothing). The definition is already
     * validated (parsed, no cycles); {@code document} is its canonical YAML, stored as given.
     */
    record ReplaceServiceTree(ServiceTreeDefinition definition, String document, String actor) implements EngineCommand {
    }

    /** Plans a downtime of a service: its SLA samples in [start, end) are left out. Times are epoch ms. */
    record ScheduleDowntime(String service, long start, long end, String comment, String actor) implements EngineCommand {
    }

    record CancelDowntime(long downtimeId, String actor) implements EngineCommand {
    }

    /** An action of a person on alerts by id, answered with one result per id. */
    sealed interface AlertCommand extends EngineCommand {
        List<Long> alertIds();

        CommandResult runOn(AlertDesk alerts);
    }

    record AcknowledgeAlerts(List<Long> alertIds, String actor) implements AlertCommand {
        public AcknowledgeAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().acknowledge(alertIds, actor);
        }
    }

    record UnacknowledgeAlerts(List<Long> alertIds, String actor) implements AlertCommand {
        public UnacknowledgeAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().unacknowledge(alertIds, actor);
        }
    }

    /** Shelves for {@code duration} from now on the session clock. */
    record ShelveAlerts(List<Long> alertIds, Duration duration, String actor) implements AlertCommand {
        public ShelveAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().shelve(alertIds, duration, actor);
        }
    }

    record UnshelveAlerts(List<Long> alertIds, String actor) implements AlertCommand {
        public UnshelveAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().unshelve(alertIds, actor);
        }
    }

    /** Assigns to {@code assignee}; null or blank takes the assignment back. */
    record AssignAlerts(List<Long> alertIds, String assignee, String actor) implements AlertCommand {
        public AssignAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().assign(alertIds, assignee, actor);
        }
    }

    record NoteAlerts(List<Long> alertIds, String text, String actor) implements AlertCommand {
        public NoteAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().note(alertIds, text, actor);
        }
    }

    record ClearAlerts(List<Long> alertIds, String actor) implements AlertCommand {
        public ClearAlerts {
            alertIds = List.copyOf(alertIds);
        }

        public CommandResult runOn(AlertDesk alerts) {
            return alerts.actions().clear(alertIds, actor);
        }
    }

    /** Adds a silence (its matchers checked already); answered with the new silence's id. */
    record AddSilence(SilenceDefinition definition, String actor) implements EngineCommand {
    }

    /** Ends a silence made through the API before its time. */
    record ExpireSilence(long silenceId, String actor) implements EngineCommand {
    }
}
