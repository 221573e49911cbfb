package io.vigil.session;

import io.vigil.alert.AlertDesk;
import io.vigil.alert.SilenceDefinition;
import io.vigil.incident.IncidentDesk;
import io.vigil.model.ResolutionCode;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.service.ServiceTreeDefinition;

import java.time.Duration;
import java.util.List;

/** Something a person asks of the engine; executed on the engine thread, between batches. */
public sealed interface EngineCommand {

    /** Who asked: a user name or {@code token:<name>}; recorded with the effect. */
    String actor();

    /** A step of an incident's process, or a change to the incident a person makes. */
    sealed interface IncidentCommand extends EngineCommand {
        long incidentId();

        CommandResult runOn(IncidentDesk incidents);
    }

    record Acknowledge(long incidentId, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.acknowledge(incidentId, actor);
        }
    }

    /** Acknowledges for {@code duration}; escalation resumes when it runs out. */
    record Snooze(long incidentId, Duration duration, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.snooze(incidentId, duration, actor);
        }
    }

    record Investigate(long incidentId, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.investigate(incidentId, actor);
        }
    }

    /** Resolves, walking the steps before Resolve; {@code note} may be null. */
    record Resolve(long incidentId, ResolutionCode code, String note, String actor) implements IncidentCommand {
        public Resolve(long incidentId, String actor) {
            this(incidentId, ResolutionCode.FIXED, null, actor);
        }

        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.resolve(incidentId, code, note, actor);
        }
    }

    record Close(long incidentId, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.close(incidentId, actor);
        }
    }

    /** {@code assignee} null or blank takes the assignment back. */
    record AssignIncident(long incidentId, String assignee, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.assign(incidentId, assignee, actor);
        }
    }

    record NoteIncident(long incidentId, String text, String actor) implements IncidentCommand {
        public CommandResult runOn(IncidentDesk incidents) {
            return incidents.note(incidentId, text, actor);
        }
    }

    /**
     * Resolves several incidents at once, each walked through the steps before Resolve by the same
     * actor. Answered with one result per id.
     */
    record ResolveIncidents(List<Long> incidentIds, ResolutionCode code, String actor) implements EngineCommand {
        public ResolveIncidents {
            incidentIds = List.copyOf(incidentIds);
        }

        public ResolveIncidents(List<Long> incidentIds, String actor) {
            this(incidentIds, ResolutionCode.FIXED, actor);
        }
    }

    /** Replaces the escalation policies, schedules, users and channels at once; the document is already validated. */
    record ReplacePolicies(PolicyDocument document, String actor) implements EngineCommand {
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

    /**
     * Moves the session to another rule-set version between two batches: every event before it was
     * processed by the old version, every event after it by the new one; facts, alerts, statuses,
     * processes and timers carry over. The version is compiled and stored already.
     */
    record ActivateRuleSet(RuleSet ruleSet, RuleSetActivation kind, String actor) implements EngineCommand {
    }

    /** Ends a silence made through the API before its time. */
    record ExpireSilence(long silenceId, String actor) implements EngineCommand {
    }
}
