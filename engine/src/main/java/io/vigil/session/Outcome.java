package io.vigil.session;

import io.vigil.alert.AlertChangeKind;
import io.vigil.alert.AlertView;
import io.vigil.model.IncidentPriority;
import io.vigil.model.ResolutionCode;
import io.vigil.model.Status;
import io.vigil.notify.Notification;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.service.sla.SlaStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What the rules and processes decided, published after each engine batch. Writers store them,
 * the live feed shows them, replay prints them. Times are session-clock epoch milliseconds.
 */
public sealed interface Outcome {

    /** The kind shown in replay output and the live feed, e.g. "event-classified". */
    String kind();

    record EventClassified(long eventId, String category, Status status) implements Outcome {
        public String kind() { return "event-classified"; }

        /** The record's usual text, built directly: it is written for nearly every event's firing. */
        @Override
        public String toString() {
            return "EventClassified[eventId=" + eventId + ", category=" + category + ", status=" + status + "]";
        }
    }

    record ElementStatusChanged(String resource, String check, Status status, Status previous, long at,
                                long eventId) implements Outcome {
        public String kind() { return "element-status-changed"; }
    }

    /**
     * An incident was opened, either for an element ({@code resource}/{@code check} set, {@code service}
     * null) or for a service ({@code service} set, {@code resource}/{@code check} null).
     */
    record IncidentOpened(long incidentId, String resource, String check, String title, long at,
                          long processInstanceId, Long firingId, Long eventId, String service,
                          IncidentPriority priority, String policy, Long alertId) implements Outcome {
        public String kind() { return "incident-opened"; }
    }

    /** A human task of an incident's process waits; {@code workItemId} is the jBPM work item behind it. */
    record IncidentTaskOpened(long incidentId, long taskId, String name, long at, long workItemId) implements Outcome {
        public String kind() { return "incident-task-opened"; }
    }

    record IncidentTaskCompleted(long incidentId, long taskId, String name, long at, String actor) implements Outcome {
        public String kind() { return "incident-task-completed"; }
    }

    /** A task ended without being done: a timer overtook it (a snooze ran out, a resolved incident closed). */
    record IncidentTaskCancelled(long incidentId, long taskId, String name, long at) implements Outcome {
        public String kind() { return "incident-task-cancelled"; }
    }

    /**
     * The incident reached an escalation level; {@code notified} names who that level reached
     * ({@code user:<name>}, {@code channel:<name>}), empty when it has no policy.
     */
    record IncidentEscalated(long incidentId, int level, long at, List<String> notified) implements Outcome {
        public IncidentEscalated {
            notified = List.copyOf(notified);
        }

        public String kind() { return "incident-escalated"; }
    }

    record IncidentAcknowledged(long incidentId, long at, String actor) implements Outcome {
        public String kind() { return "incident-acknowledged"; }
    }

    /** Acknowledged for a while: escalation pauses until {@code until}, then the incident is OPEN again. */
    record IncidentSnoozed(long incidentId, long until, long at, String actor) implements Outcome {
        public String kind() { return "incident-snoozed"; }
    }

    /** A snooze ran out: the incident waits for Acknowledge again and escalation resumes. */
    record IncidentSnoozeEnded(long incidentId, long at) implements Outcome {
        public String kind() { return "incident-snooze-ended"; }
    }

    record IncidentInvestigating(long incidentId, long at, String actor) implements Outcome {
        public String kind() { return "incident-investigating"; }
    }

    record IncidentResolved(long incidentId, long at, String actor, ResolutionCode code, String note) implements Outcome {
        public String kind() { return "incident-resolved"; }
    }

    /** Closed by a person, or by the engine ({@code actor} null) a while after it was resolved. */
    record IncidentClosed(long incidentId, long at, String actor) implements Outcome {
        public String kind() { return "incident-closed"; }
    }

    /** {@code assignee} null: the assignment was taken back. */
    record IncidentAssigned(long incidentId, String assignee, long at, String actor) implements Outcome {
        public String kind() { return "incident-assigned"; }
    }

    record IncidentNoted(long incidentId, String text, long at, String actor) implements Outcome {
        public String kind() { return "incident-noted"; }
    }

    /** The incident's problem went away (its alert cleared, its service recovered); the all-clear goes out. */
    record IncidentRecovered(long incidentId, long at) implements Outcome {
        public String kind() { return "incident-recovered"; }
    }

    /** A consolidated notification to send: stored in the outbox, then delivered by the dispatcher. */
    record NotificationDecided(Notification notification) implements Outcome {
        public String kind() { return "notification"; }
    }

    /** A new escalation-policy document is in force. */
    record PoliciesReplaced(String version, String document, int policies, int schedules, String actor, long at)
            implements Outcome {
        public String kind() { return "policies-replaced"; }
    }

    /**
     * Another rule-set version is active: events after {@code afterEventId} are processed by
     * {@code version}, those up to it were processed by {@code previous}.
     */
    record RuleSetActivated(String version, String previous, RuleSetActivation activation, String actor,
                            long afterEventId, long at) implements Outcome {
        public String kind() { return "rule-set-activated"; }
    }

    /** The service tree was replaced; {@code document} is its canonical YAML. */
    record ServiceTreeReplaced(String version, String document, int services, String actor, long at) implements Outcome {
        public String kind() { return "service-tree-replaced"; }
    }

    /** A service's computed status or value changed (every change, quiet or not). */
    record ServiceStatusChanged(String service, Status status, Status previous, BigDecimal value,
                                BigDecimal previousValue, long at) implements Outcome {
        public String kind() { return "service-status-changed"; }
    }

    /**
     * A service entered WARNING or CRITICAL, or returned to NORMAL, and may raise alerts: it is
     * not quiet and no cascade-protected service above it is CRITICAL.
     */
    record ServiceAlert(String service, Status status, Status previous, BigDecimal value, long at) implements Outcome {
        public String kind() { return "service-alert"; }
    }

    /**
     * A service's SLA became INCORRECT (compliance fell below its limit) and the service may raise
     * alerts (not quiet, not carried by a cascade-protected service above it).
     */
    record SlaAlert(String service, BigDecimal compliance, BigDecimal limit, long at) implements Outcome {
        public String kind() { return "sla-alert"; }
    }

    /** One SLA sample of a service, and the service's compliance over its window after it. */
    record SlaSampled(String service, long at, SampleOutcome outcome, BigDecimal compliance,
                      SlaStatus slaStatus) implements Outcome {
        public String kind() { return "sla-sampled"; }
    }

    /** A service's SLA status changed (OK, INCORRECT, N/A); INCORRECT is what rules alert on. */
    record SlaStatusChanged(String service, SlaStatus status, SlaStatus previous, BigDecimal compliance,
                            long at) implements Outcome {
        public String kind() { return "sla-status-changed"; }
    }

    /**
     * An alert was opened, counted a repeat, changed status or state, or got a note. {@code alert} is
     * the alert after the change; {@code detail} says more where the kind alone does not (the shelving
     * end, the assignee, the note's text, why it cleared); {@code actor} is the person behind a
     * command, null for the rules; {@code eventId} the report behind it, {@code firingId} the rule
     * firing, when there are.
     */
    record AlertChanged(AlertView alert, AlertChangeKind change, String detail, String actor, long at, Long eventId,
                        Long firingId) implements Outcome {
        public String kind() { return "alert-" + change.name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** A silence was made through the API; {@code matchers} as written, times epoch ms. */
    record SilenceAdded(long silenceId, List<String> matchers, long start, long end, String creator,
                        String comment, long at) implements Outcome {
        public String kind() { return "silence-added"; }
    }

    /** A silence made through the API was ended before its time. */
    record SilenceExpired(long silenceId, String actor, long at) implements Outcome {
        public String kind() { return "silence-expired"; }
    }

    record DowntimeScheduled(long downtimeId, String service, long start, long end, String comment,
                             String actor, long at) implements Outcome {
        public String kind() { return "downtime-scheduled"; }
    }

    record DowntimeCancelled(long downtimeId, String service, String actor, long at) implements Outcome {
        public String kind() { return "downtime-cancelled"; }
    }
}
