package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Event;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.service.DurationFormat;
import io.vigil.session.CommandResult;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code alerts} global: one {@link Alert} fact per active dedup key. Rules hand it the reports
 * that matter (a problem, or the all-clear of a key with an alert), heartbeats and their correlation
 * decisions (confirmed, suppressed, silenced, flapping); people act through {@link #actions()}; the
 * session clock ends shelving, confirmation windows, flapping, heartbeats and silences ({@link #tick}).
 * The bookkeeping — facts updated by the properties they change, an outcome per change — is
 * {@link AlertBook}'s.
 *
 * <p><b>Order.</b> Within one batch the rules fire the newest events first, not in journal order.
 * A report older than the alert's current status (by occurrence time, then event id) therefore
 * counts, but changes neither the status nor the state: a late report cannot roll an alert back
 * or clear it.
 *
 * <p><b>Ids.</b> The id counters are an {@link AlertSequence} fact, marshalled with the session, so
 * the quiet re-run of stored events after a restore hands out the very ids it handed out the first
 * time; {@link #continueAfter} then moves them past anything stored. Changes that the journal cannot
 * replay — people's commands and what the clock ends — count as state changes: the batch carrying
 * them takes a snapshot.
 *
 * <p><b>Cleared alerts</b> stay in the session, CLEARED, for the flapping window, then leave it
 * (their rows stay stored). A new problem for the key within that time opens a new alert that
 * inherits the key's recent status changes, so a problem that keeps clearing and coming back is
 * seen as flapping. Rules that act on alerts leave CLEARED ones alone.
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore.
 */
public final class AlertDesk {

    private final Supplier<Long> clock;
    private final DueList due = new DueList();
    private final AlertBook book;
    private final Silences silences;
    private final Heartbeats heartbeats;
    private final AlertActions actions;
    private KieSession session;
    private CorrelationDefinition correlation = CorrelationDefinition.EMPTY;
    private FactHandle correlationHandle;

    /**
     * @param currentFiringId the rule firing running now (null outside one), recorded with each change
     * @param clock           the session clock, epoch ms
     */
    public AlertDesk(Outcomes outcomes, Supplier<Long> currentFiringId, Supplier<Long> clock) {
        this.clock = clock;
        this.book = new AlertBook(outcomes, currentFiringId);
        this.silences = new Silences(outcomes, book, due, clock);
        this.heartbeats = new Heartbeats(book, due);
        this.actions = new AlertActions(book, due, clock,
                (alert, actor) -> clear(alert, clock.get(), 0, "cleared by " + actor, actor));
    }

    /**
     * Serves {@code kieSession} from now on: finds its alerts, heartbeats, silences, correlation
     * settings and id sequence (or starts them empty), and what each of them waits for on the clock.
     */
    public void attach(KieSession kieSession) {
        session = kieSession;
        due.clear();
        correlationHandle = kieSession.getFactHandles(new ClassObjectFilter(CorrelationDefinition.class)).stream()
                .findFirst().orElse(null);
        if (correlationHandle == null) {
            correlationHandle = kieSession.insert(CorrelationDefinition.EMPTY);
        }
        correlation = (CorrelationDefinition) kieSession.getObject(correlationHandle);
        for (Alert alert : book.attach(kieSession)) {
            scheduleClockEnds(alert);
        }
        heartbeats.attach(kieSession);
        silences.attach(kieSession);
    }

    private void scheduleClockEnds(Alert alert) {
        if (alert.getState() == AlertState.CLEARED) {
            due.forget(alert.getStatusSince() + correlation.flapping().within().toMillis(), alert.getKey());
            return;
        }
        if (alert.getState() == AlertState.SHELVED) {
            due.shelving(alert.getShelvedUntil(), alert.getId());
        }
        if (alert.getConfirmation() == Confirmation.UNCONFIRMED) {
            due.confirmation(alert.getFirstSeen() + alert.getConfirmationWithin(), alert.getId());
        }
        if (alert.isFlapping()) {
            due.flapping(alert.getStatusSince() + correlation.flapping().quietFor().toMillis(), alert.getId());
        }
    }

    /** After recovery: new alert and silence ids continue after the stored ones if the sequence is behind them. */
    public void continueAfter(long lastStoredAlertId, long lastStoredSilenceId) {
        book.sequence().continueAfter(lastStoredAlertId, lastStoredSilenceId);
    }

    /**
     * Takes the correlation sections of a new services-as-code document: its settings, confirmation
     * rules, dependencies, heartbeat intervals and silences (those of the previous document go).
     */
    public void configure(CorrelationDefinition definition) {
        correlation = definition;
        session.update(correlationHandle, definition);
        silences.configure(definition.silences());
    }

    /** The settings now in force. */
    public CorrelationDefinition correlation() {
        return correlation;
    }

    /** People's actions on alerts. */
    public AlertActions actions() {
        return actions;
    }

    // ---- reports from the rules -------------------------------------------------------------

    /**
     * Called by rules for a status report: a problem opens an alert for the event's key or counts into
     * it; NORMAL clears the key's alert — for an alert confirmed from several locations, once every
     * location that reported the problem reports it gone.
     */
    public void report(Event event) {
        Status status = event.getStatus();
        String location = locationOf(event);
        Alert alert = book.byKey(event.getAlertKey());
        if (alert == null || alert.getState() == AlertState.CLEARED) {
            if (status != Status.NORMAL && (alert == null || alert.isNewerThanStatus(event.getOccurredAt(), event.getId()))) {
                openFor(event, location);
            }
            return;
        }
        alert.report(event.getOccurredAt(), event.getId(), event.getSource(), event.getCategory(), event.getMessage());
        boolean newer = alert.isNewerThanStatus(event.getOccurredAt(), event.getId());
        if (newer) {
            alert.setAttributes(event.getAttributes());
            alert.setLocation(location);
        }
        if (status != Status.NORMAL) {
            alert.locationFailed(location, event.getOccurredAt());
        }
        if (!newer || status == alert.getStatus()) {
            book.changed(alert, AlertChangeKind.REPEATED, null, null, event.getOccurredAt(), event.getId());
        } else if (status != Status.NORMAL) {
            changeStatus(alert, status, event, event.getOccurredAt(), event.getId());
        } else if (alert.locationRecovered(location)) {
            book.changed(alert, AlertChangeKind.LOCATION_RECOVERED, location + " reports NORMAL; still failing at "
                    + String.join(", ", alert.getFailingLocations()), null, event.getOccurredAt(), event.getId());
        } else {
            clear(alert, event.getOccurredAt(), event.getId(), "all clear: " + event.getResource() + "/" + event.getCheck()
                    + " reported NORMAL", null);
        }
    }

    private void openFor(Event event, String location) {
        Alert alert = book.create(event.getAlertKey(), id -> new Alert(id, event.getAlertKey(), AlertKind.EVENT,
                event.getResource(), event.getCheck(), null, event.getOccurredAt()));
        alert.setAttributes(event.getAttributes());
        alert.setLocation(location);
        ConfirmationRule rule = correlation.confirmationFor(event.getResource(), event.getCheck(),
                MatchTarget.of(event, location));
        if (rule != null) {
            alert.needConfirmation(rule.needed(), rule.within().toMillis());
            alert.locationFailed(location, event.getOccurredAt());
            due.confirmation(event.getOccurredAt() + rule.within().toMillis(), alert.getId());
        }
        book.open(alert, event.getOccurredAt(), event.getId(), event.getSource(), event.getCategory(), event.getMessage(),
                event.getStatus(), event.getSeverity());
    }

    private static String locationOf(Event event) {
        return MatchTarget.locationOf(event.getAttributes(), event.getSource());
    }

    /**
     * Called by rules when a service enters WARNING or CRITICAL (opens or changes its service alert) or
     * returns to NORMAL (clears it).
     */
    public void serviceChanged(ServiceStatus service) {
        reportOn("service:" + service.getService(), AlertKind.SERVICE, service, service.getStatus(), service.getSince(),
                "service " + service.getService() + " is " + service.getStatus());
    }

    /** Called by rules when a service's SLA became INCORRECT (CRITICAL) or correct again (NORMAL). */
    public void slaChanged(ServiceStatus service, boolean incorrect) {
        reportOn("sla:" + service.getService(), AlertKind.SLA, service, incorrect ? Status.CRITICAL : Status.NORMAL,
                service.getSlaSince(), "SLA of service " + service.getService()
                        + (incorrect ? " is below its limit" : " is met again"));
    }

    /** A service or SLA change at {@code at}: the session-clock time the service's status or SLA changed. */
    private void reportOn(String key, AlertKind kind, ServiceStatus service, Status status, long at, String message) {
        long eventId = service.getLastEventId() == null ? 0 : service.getLastEventId();
        Alert alert = book.byKey(key);
        if (alert == null || alert.getState() == AlertState.CLEARED) {
            if (status != Status.NORMAL) {
                Alert opened = book.create(key, id -> new Alert(id, key, kind, null, null, service.getService(), at));
                book.open(opened, at, eventId, "vigil", "service", message, status, null);
            }
            return;
        }
        alert.report(at, eventId, "vigil", "service", message);
        if (status == Status.NORMAL) {
            clear(alert, at, eventId, message, null);
        } else if (status != alert.getStatus()) {
            changeStatus(alert, status, null, at, eventId);
        } else {
            book.changed(alert, AlertChangeKind.REPEATED, null, null, at, eventId);
        }
    }

    /** Called by rules for a heartbeat: see {@link Heartbeats#beat}. */
    public void heartbeat(Event event) {
        heartbeats.beat(event, correlation);
    }

    // ---- correlation decisions of the rules ---------------------------------------------------

    /** Called by rules: enough locations report the problem within the window. */
    public void confirm(Alert alert) {
        alert.setConfirmation(Confirmation.CONFIRMED);
        book.changed(alert, AlertChangeKind.CONFIRMED, "confirmed by " + alert.getFailingLocationCount()
                + " locations: " + String.join(", ", alert.getFailingLocations()), null, alert.getLastSeen(),
                alert.getLastEventId());
    }

    /** Called by rules: a CRITICAL alert of {@code parent}, which the alert's resource depends on, carries the problem. */
    public void suppress(Alert alert, String parent) {
        alert.setSuppressedBy(parent);
        book.changed(alert, AlertChangeKind.SUPPRESSED, "suppressed by " + parent + " (CRITICAL)", null, clock.get(), 0);
    }

    /** Called by rules: no parent of the alert's resource is CRITICAL any more. */
    public void release(Alert alert) {
        String parent = alert.getSuppressedBy();
        alert.setSuppressedBy(null);
        book.changed(alert, AlertChangeKind.UNSUPPRESSED, parent + " is no longer CRITICAL", null, clock.get(), 0);
    }

    /** Called by rules: an active silence matches the alert. */
    public void silence(Alert alert, Silence silence) {
        alert.setSilencedBy(silence.getId());
        book.changed(alert, AlertChangeKind.SILENCED, "silence " + silence.getId() + " by " + silence.getCreator() + ": "
                + silence.getComment(), null, clock.get(), 0);
    }

    /** Called by rules: the alert's silence has ended or gone. */
    public void unsilence(Alert alert) {
        String silence = alert.getSilencedBy();
        alert.setSilencedBy(null);
        book.changed(alert, AlertChangeKind.UNSILENCED, "silence " + silence + " ended", null, clock.get(), 0);
    }

    /** Called by rules: the alert changed status too often within the flapping window. */
    public void startFlapping(Alert alert) {
        FlappingSettings flapping = correlation.flapping();
        alert.setFlapping(true);
        due.flapping(alert.getStatusSince() + flapping.quietFor().toMillis(), alert.getId());
        book.changed(alert, AlertChangeKind.FLAPPING_STARTED, alert.recentChangesWithin(flapping.within().toMillis())
                + " status changes within " + DurationFormat.format(flapping.within()), null, alert.getStatusSince(), 0);
    }

    // ---- silences -------------------------------------------------------------------------------

    /** A silence made through the API (a command), with a new id; one that ended already is refused. */
    public CommandResult addSilence(SilenceDefinition definition, String actor) {
        return silences.add(definition, actor);
    }

    /** A silence stored earlier, put back into a session started without a snapshot (quiet: it is stored). */
    public void restoreSilence(long id, SilenceDefinition definition) {
        silences.restore(id, definition);
    }

    /** Ends a silence made through the API before its time. */
    public CommandResult expireSilence(long id, String actor) {
        return silences.expire(id, actor);
    }

    /** Records the planned downtimes a new silence set up as a maintenance window. */
    public void maintenanceWindow(long silenceId, List<Long> downtimeIds) {
        Silence silence = silences.get(silenceId);
        if (silence != null) {
            silence.setDowntimeIds(downtimeIds);
        }
    }

    /** The planned downtimes of a silence (to cancel with it), empty for none or an unknown silence. */
    public List<Long> downtimesOf(long silenceId) {
        Silence silence = silences.get(silenceId);
        return silence == null ? List.of() : silence.getDowntimeIds();
    }

    // ---- the clock -----------------------------------------------------------------------------

    /** Ends what the clock ends by {@code now}: shelving, confirmation windows, flapping, heartbeats, silences. */
    public void tick(long now) {
        for (DueList.Due item = due.next(now); item != null; item = due.next(now)) {
            Alert alert = item.alertId() == 0 ? null : book.active(item.alertId());
            switch (item.kind()) {
                case SHELVING -> endShelving(alert, item.at());
                case CONFIRMATION -> endConfirmationWindow(alert, item.at());
                case FLAPPING -> endFlapping(alert, item.at());
                case HEARTBEAT -> heartbeats.due(item.name(), item.at());
                case SILENCE -> silences.due(item.name(), item.at());
                case FORGET -> book.forget(item.name(), item.at(), correlation.flapping().within().toMillis());
            }
        }
    }

    /** True once after any change the journal cannot replay (a command, something the clock ended). */
    public boolean takeStateChanged() {
        return book.takeStateChanged();
    }

    private void endShelving(Alert alert, long at) {
        if (alert != null && alert.getState() == AlertState.SHELVED && alert.getShelvedUntil() == at) {
            AlertActions.unshelve(book, alert, "shelving ended at " + Instant.ofEpochMilli(at), null, at);
        }
    }

    private void endConfirmationWindow(Alert alert, long at) {
        if (alert != null && alert.getConfirmation() == Confirmation.UNCONFIRMED
                && alert.getFirstSeen() + alert.getConfirmationWithin() == at) {
            alert.setConfirmation(Confirmation.NOT_CONFIRMED);
            book.markStateChanged();
            close(alert, AlertChangeKind.NOT_CONFIRMED, at, "not confirmed: " + alert.getFailingLocationCount() + " of "
                    + alert.getConfirmationNeeded() + " locations reported it within "
                    + DurationFormat.format(Duration.ofMillis(alert.getConfirmationWithin())), null, 0);
        }
    }

    private void endFlapping(Alert alert, long at) {
        if (alert == null || !alert.isFlapping()) {
            return;
        }
        long quietFor = correlation.flapping().quietFor().toMillis();
        if (alert.getStatusSince() + quietFor > at) {
            due.flapping(alert.getStatusSince() + quietFor, alert.getId());
            return;
        }
        alert.endFlapping(at);
        book.markStateChanged();
        book.changed(alert, AlertChangeKind.FLAPPING_ENDED, "stable for " + DurationFormat.format(Duration.ofMillis(quietFor)),
                null, at, 0);
    }

    // ---- changes ---------------------------------------------------------------------------------

    private void changeStatus(Alert alert, Status status, Event event, long at, long eventId) {
        Status before = alert.getStatus();
        alert.changeStatus(status, event == null ? null : event.getSeverity(), at, eventId);
        if (alert.isFlapping()) {
            due.flapping(at + correlation.flapping().quietFor().toMillis(), alert.getId());
        }
        boolean worse = status.worse(before) == status;
        boolean dropAcknowledgement = worse && alert.getState() == AlertState.ACKNOWLEDGED
                && correlation.alerts().dropAcknowledgementOnWorse();
        if (dropAcknowledgement) {
            alert.setState(AlertState.OPEN);
            alert.setAcknowledgedBy(null);
        }
        book.changed(alert, AlertChangeKind.STATUS, before + " → " + status, null, at, eventId);
        if (dropAcknowledgement) {
            book.changed(alert, AlertChangeKind.ACKNOWLEDGEMENT_DROPPED, "it got worse: " + before + " → " + status, null,
                    at, eventId);
        }
    }

    /** The problem is over: NORMAL, CLEARED, remembered for the flapping window. */
    private void clear(Alert alert, long at, long eventId, String why, String actor) {
        alert.changeStatus(Status.NORMAL, null, at, eventId);
        close(alert, AlertChangeKind.CLEARED, at, why, actor, eventId);
    }

    private void close(Alert alert, AlertChangeKind kind, long at, String why, String actor, long eventId) {
        due.forget(at + correlation.flapping().within().toMillis(), alert.getKey());
        book.close(alert, kind, at, why, actor, eventId);
    }
}
