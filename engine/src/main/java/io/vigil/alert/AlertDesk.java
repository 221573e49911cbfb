package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Event;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.session.CommandResult;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code alerts} global: keeps one {@link Alert} fact per active dedup key. Rules hand it the
 * reports that matter (a problem, or the all-clear of a key with an alert); people act on alerts
 * through commands. Every change is a fact update (so rules see it) and an {@link
 * Outcome.AlertChanged} outcome (so it is stored and shown).
 *
 * <p><b>Order.</b> Within one batch the rules fire the newest events first, not in journal order.
 * A report older than the alert's current status (by occurrence time, then event id) therefore
 * counts, but changes neither the status nor the state: a late report cannot roll an alert back
 * or clear it.
 *
 * <p><b>Ids.</b> The id counter is an {@link AlertSequence} fact, marshalled with the session, so
 * the quiet re-run of stored events after a restore hands out the very ids it handed out the first
 * time; {@link #continueAfter} then moves it past anything stored. Changes that the journal cannot
 * replay — people's commands and shelving that expires with the clock — count as state changes:
 * the batch carrying them takes a snapshot.
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore.
 */
public final class AlertDesk {

    /**
     * Everything about an alert that changes. Updates name them, so patterns on what never changes
     * (the key, the kind, the resource) are not woken by a repeat and cannot fire twice for one report.
     */
    private static final String[] CHANGING = {"count", "lastSeen", "lastEventId", "source", "category", "message",
            "status", "previousStatus", "severity", "statusSince", "recentChanges", "state", "acknowledgedBy", "assignee",
            "shelvedUntil"};

    private final Outcomes outcomes;
    private final Supplier<Long> currentFiringId;
    private final Supplier<Long> clock;
    private final Map<String, FactHandle> byKey = new HashMap<>();
    private final Map<Long, FactHandle> byId = new HashMap<>();
    private final PriorityQueue<long[]> shelvedUntil = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private boolean dropAcknowledgementOnWorse = true;
    private KieSession session;
    private AlertSequence sequence;
    private boolean stateChanged;

    /**
     * @param currentFiringId the rule firing running now (null outside one), recorded with each change
     * @param clock           the session clock, epoch ms
     */
    public AlertDesk(Outcomes outcomes, Supplier<Long> currentFiringId, Supplier<Long> clock) {
        this.outcomes = outcomes;
        this.currentFiringId = currentFiringId;
        this.clock = clock;
    }

    /** Serves {@code kieSession} from now on: finds its alerts and id sequence, or starts a sequence at 0. */
    public void attach(KieSession kieSession) {
        session = kieSession;
        byKey.clear();
        byId.clear();
        shelvedUntil.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Alert.class))) {
            Alert alert = (Alert) kieSession.getObject(handle);
            byKey.put(alert.getKey(), handle);
            byId.put(alert.getId(), handle);
            if (alert.getState() == AlertState.SHELVED) {
                shelvedUntil.add(new long[]{alert.getShelvedUntil(), alert.getId()});
            }
        }
        // Changed in place, never updated: no rule matches it, the marshaller reads its field.
        sequence = kieSession.getObjects(new ClassObjectFilter(AlertSequence.class)).stream()
                .map(AlertSequence.class::cast).findFirst().orElse(null);
        if (sequence == null) {
            sequence = new AlertSequence(0);
            kieSession.insert(sequence);
        }
    }

    /** After recovery: new ids continue after {@code lastStoredId} if the sequence is behind it. */
    public void continueAfter(long lastStoredId) {
        sequence.continueAfter(lastStoredId);
    }

    /** Whether acknowledging stops counting when a report makes the alert worse (default true). */
    public void setDropAcknowledgementOnWorse(boolean drop) {
        this.dropAcknowledgementOnWorse = drop;
    }

    // ---- reports from the rules -------------------------------------------------------------

    /**
     * Called by rules for a status report: a problem opens an alert for the event's key or counts into
     * it; NORMAL clears the key's alert.
     */
    public void report(Event event) {
        Status status = event.getStatus();
        FactHandle handle = byKey.get(event.getAlertKey());
        if (handle == null) {
            if (status != Status.NORMAL) {
                Alert alert = new Alert(sequence.next(), event.getAlertKey(), AlertKind.EVENT, event.getResource(),
                        event.getCheck(), null, event.getOccurredAt());
                open(alert, event.getOccurredAt(), event.getId(), event.getSource(), event.getCategory(),
                        event.getMessage(), status, event);
            }
            return;
        }
        Alert alert = (Alert) session.getObject(handle);
        alert.report(event.getOccurredAt(), event.getId(), event.getSource(), event.getCategory(), event.getMessage());
        if (status == alert.getStatus() || !alert.isNewerThanStatus(event.getOccurredAt(), event.getId())) {
            changed(alert, AlertChangeKind.REPEATED, null, null, event.getOccurredAt(), event.getId());
        } else if (status == Status.NORMAL) {
            clear(alert, event.getOccurredAt(), event.getId(), "all clear: " + event.getResource() + "/" + event.getCheck()
                    + " reported NORMAL", null);
        } else {
            changeStatus(alert, status, event, event.getOccurredAt(), event.getId());
        }
    }

    /**
     * Called by rules when a service enters WARNING or CRITICAL (opens or changes its service alert) or
     * returns to NORMAL (clears it).
     */
    public void serviceChanged(ServiceStatus service) {
        String key = "service:" + service.getService();
        reportOn(key, AlertKind.SERVICE, service, service.getStatus(),
                "service " + service.getService() + " is " + service.getStatus());
    }

    /** Called by rules when a service's SLA became INCORRECT (CRITICAL) or correct again (NORMAL). */
    public void slaChanged(ServiceStatus service, boolean incorrect) {
        String key = "sla:" + service.getService();
        reportOn(key, AlertKind.SLA, service, incorrect ? Status.CRITICAL : Status.NORMAL,
                "SLA of service " + service.getService() + (incorrect ? " is below its limit" : " is met again"));
    }

    private void reportOn(String key, AlertKind kind, ServiceStatus service, Status status, String message) {
        long at = clock.get();
        long eventId = service.getLastEventId() == null ? 0 : service.getLastEventId();
        FactHandle handle = byKey.get(key);
        if (handle == null) {
            if (status != Status.NORMAL) {
                open(new Alert(sequence.next(), key, kind, null, null, service.getService(), at), at, eventId,
                        "vigil", "service", message, status, null);
            }
            return;
        }
        Alert alert = (Alert) session.getObject(handle);
        alert.report(at, eventId, "vigil", "service", message);
        if (status == Status.NORMAL) {
            clear(alert, at, eventId, message, null);
        } else if (status != alert.getStatus()) {
            changeStatus(alert, status, null, at, eventId);
        } else {
            changed(alert, AlertChangeKind.REPEATED, null, null, at, eventId);
        }
    }

    private void open(Alert alert, long at, long eventId, String source, String category, String message, Status status,
                      Event event) {
        alert.report(at, eventId, source, category, message);
        alert.changeStatus(status, event == null ? null : event.getSeverity(), at, eventId);
        FactHandle handle = session.insert(alert);
        byKey.put(alert.getKey(), handle);
        byId.put(alert.getId(), handle);
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), AlertChangeKind.OPENED, message, null, at,
                eventId == 0 ? null : eventId, currentFiringId.get()));
    }

    private void changeStatus(Alert alert, Status status, Event event, long at, long eventId) {
        Status before = alert.getStatus();
        alert.changeStatus(status, event == null ? null : event.getSeverity(), at, eventId);
        boolean worse = status.worse(before) == status;
        if (worse && dropAcknowledgementOnWorse && alert.getState() == AlertState.ACKNOWLEDGED) {
            alert.setState(AlertState.OPEN);
            alert.setAcknowledgedBy(null);
            changed(alert, AlertChangeKind.STATUS, before + " → " + status, null, at, eventId);
            changed(alert, AlertChangeKind.ACKNOWLEDGEMENT_DROPPED, "it got worse: " + before + " → " + status, null, at,
                    eventId);
        } else {
            changed(alert, AlertChangeKind.STATUS, before + " → " + status, null, at, eventId);
        }
    }

    private void clear(Alert alert, long at, long eventId, String why, String actor) {
        alert.changeStatus(Status.NORMAL, null, at, eventId);
        alert.setState(AlertState.CLEARED);
        alert.setShelvedUntil(0);
        FactHandle handle = byKey.remove(alert.getKey());
        byId.remove(alert.getId());
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), AlertChangeKind.CLEARED, why, actor, at,
                eventId == 0 ? null : eventId, actor == null ? currentFiringId.get() : null));
        session.delete(handle);
    }

    private void changed(Alert alert, AlertChangeKind kind, String detail, String actor, long at, long eventId) {
        session.update(byId.get(alert.getId()), alert, CHANGING);
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), kind, detail, actor, at,
                eventId == 0 ? null : eventId, actor == null ? currentFiringId.get() : null));
    }

    // ---- the clock -----------------------------------------------------------------------------

    /** Ends the shelving of every alert shelved until {@code now} or earlier, as of its end. */
    public void expireShelving(long now) {
        while (!shelvedUntil.isEmpty() && shelvedUntil.peek()[0] <= now) {
            long[] due = shelvedUntil.poll();
            FactHandle handle = byId.get(due[1]);
            Alert alert = handle == null ? null : (Alert) session.getObject(handle);
            if (alert != null && alert.getState() == AlertState.SHELVED && alert.getShelvedUntil() == due[0]) {
                unshelve(alert, "shelving ended at " + Instant.ofEpochMilli(due[0]), null, due[0]);
            }
        }
    }

    // ---- people's commands ---------------------------------------------------------------------

    public CommandResult acknowledge(List<Long> ids, String actor) {
        return each(ids, alert -> {
            if (alert.getState() != AlertState.OPEN) {
                return conflict(alert, "only an OPEN alert can be acknowledged");
            }
            alert.setState(AlertState.ACKNOWLEDGED);
            alert.setAcknowledgedBy(actor);
            return command(alert, AlertChangeKind.ACKNOWLEDGED, null, actor);
        });
    }

    public CommandResult unacknowledge(List<Long> ids, String actor) {
        return each(ids, alert -> {
            if (alert.getState() != AlertState.ACKNOWLEDGED) {
                return conflict(alert, "only an ACKNOWLEDGED alert can be unacknowledged");
            }
            alert.setState(AlertState.OPEN);
            alert.setAcknowledgedBy(null);
            return command(alert, AlertChangeKind.UNACKNOWLEDGED, null, actor);
        });
    }

    /** Shelves for {@code duration} from now (session clock); shelving again moves the end. */
    public CommandResult shelve(List<Long> ids, Duration duration, String actor) {
        long until = clock.get() + duration.toMillis();
        return each(ids, alert -> {
            alert.setState(AlertState.SHELVED);
            alert.setShelvedUntil(until);
            shelvedUntil.add(new long[]{until, alert.getId()});
            return command(alert, AlertChangeKind.SHELVED, "until " + Instant.ofEpochMilli(until), actor);
        });
    }

    public CommandResult unshelve(List<Long> ids, String actor) {
        return each(ids, alert -> {
            if (alert.getState() != AlertState.SHELVED) {
                return conflict(alert, "only a SHELVED alert can be unshelved");
            }
            unshelve(alert, null, actor, clock.get());
            return CommandResult.done();
        });
    }

    /** Assigns to a person, or takes the assignment back with a null or empty {@code assignee}. */
    public CommandResult assign(List<Long> ids, String assignee, String actor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee;
        return each(ids, alert -> {
            alert.setAssignee(who);
            return command(alert, AlertChangeKind.ASSIGNED, who == null ? "unassigned" : who, actor);
        });
    }

    public CommandResult note(List<Long> ids, String text, String actor) {
        return each(ids, alert -> command(alert, AlertChangeKind.NOTE, text, actor));
    }

    /** Clears by hand, e.g. a problem whose all-clear will never come. */
    public CommandResult clear(List<Long> ids, String actor) {
        return each(ids, alert -> {
            clear(alert, clock.get(), 0, "cleared by " + actor, actor);
            stateChanged = true;
            return CommandResult.done();
        });
    }

    /** True once after any change the journal cannot replay (a command, an expired shelving). */
    public boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        return changed;
    }

    private void unshelve(Alert alert, String why, String actor, long at) {
        alert.setState(alert.getAcknowledgedBy() == null ? AlertState.OPEN : AlertState.ACKNOWLEDGED);
        alert.setShelvedUntil(0);
        stateChanged = true;
        changed(alert, AlertChangeKind.UNSHELVED, why, actor, at, 0);
    }

    private CommandResult command(Alert alert, AlertChangeKind kind, String detail, String actor) {
        stateChanged = true;
        changed(alert, kind, detail, actor, clock.get(), 0);
        return CommandResult.done();
    }

    private static CommandResult conflict(Alert alert, String rule) {
        return CommandResult.conflict("alert " + alert.getId() + " is " + alert.getState() + ": " + rule);
    }

    /** Runs {@code action} on each active alert asked for, in order (an id asked twice counts once). */
    private CommandResult each(List<Long> ids, Function<Alert, CommandResult> action) {
        Map<Long, CommandResult> results = new LinkedHashMap<>();
        for (long id : new LinkedHashSet<>(ids)) {
            FactHandle handle = byId.get(id);
            results.put(id, handle == null
                    ? CommandResult.notFound("alert " + id + " is not active (it does not exist or was cleared)")
                    : action.apply((Alert) session.getObject(handle)));
        }
        return CommandResult.each(results);
    }
}
