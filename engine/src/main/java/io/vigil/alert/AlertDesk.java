package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Event;
import io.vigil.model.Heartbeat;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.service.DurationFormat;
import io.vigil.session.CommandResult;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code alerts} global: keeps one {@link Alert} fact per active dedup key. Rules hand it the
 * reports that matter (a problem, or the all-clear of a key with an alert) and the correlation
 * decisions (confirmed, suppressed, silenced, flapping); people act on alerts through commands; the
 * session clock ends shelving, confirmation windows, flapping and heartbeats ({@link DueList}).
 * Every change is a fact update (so rules see it) and an {@link Outcome.AlertChanged} outcome (so
 * it is stored and shown).
 *
 * <p><b>Order.</b> Within one batch the rules fire the newest events first, not in journal order.
 * A report older than the alert's current status (by occurrence time, then event id) therefore
 * counts, but changes neither the status nor the state: a late report cannot roll an alert back
 * or clear it.
 *
 * <p><b>Ids.</b> The id counter is an {@link AlertSequence} fact, marshalled with the session, so
 * the quiet re-run of stored events after a restore hands out the very ids it handed out the first
 * time; {@link #continueAfter} then moves it past anything stored. Changes that the journal cannot
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

    /**
     * What a repeat changes. Updates name the properties they change, so a pattern is woken only by
     * what it looks at: the alert rules' pattern on the key and the state is not woken by a repeat or
     * a status change and cannot fire twice for one report.
     */
    private static final String[] REPEAT = {"count", "lastSeen", "lastEventId", "source", "category", "message",
            "attributes", "location", "failingLocationCount", "failingLocations"};
    /** What a status change changes besides. */
    private static final String[] STATUS = concat(REPEAT, "status", "previousStatus", "severity", "statusSince",
            "recentChanges", "actionable");
    /** Everything that changes: state changes, correlation decisions, a dropped acknowledgement. */
    private static final String[] ANY = concat(STATUS, "state", "acknowledgedBy", "assignee", "shelvedUntil",
            "confirmation", "suppressedBy", "silencedBy", "flapping");

    private static final String LOCATION = "location";
    private static final String TIMEOUT = "timeout";

    private final Outcomes outcomes;
    private final Supplier<Long> currentFiringId;
    private final Supplier<Long> clock;
    private final Map<String, FactHandle> byKey = new HashMap<>();
    private final Map<Long, FactHandle> byId = new HashMap<>();
    private final Map<String, FactHandle> heartbeats = new HashMap<>();
    private final Map<String, FactHandle> silences = new HashMap<>();
    private final DueList due = new DueList();
    private KieSession session;
    private AlertSequence sequence;
    private CorrelationDefinition correlation = CorrelationDefinition.EMPTY;
    private FactHandle correlationHandle;
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

    /**
     * Serves {@code kieSession} from now on: finds its alerts, heartbeats, silences, correlation
     * settings and id sequence (or starts them empty), and what each of them waits for on the clock.
     */
    public void attach(KieSession kieSession) {
        session = kieSession;
        byKey.clear();
        byId.clear();
        heartbeats.clear();
        silences.clear();
        due.clear();
        correlationHandle = kieSession.getFactHandles(new ClassObjectFilter(CorrelationDefinition.class)).stream()
                .findFirst().orElse(null);
        if (correlationHandle == null) {
            correlationHandle = kieSession.insert(CorrelationDefinition.EMPTY);
        }
        correlation = (CorrelationDefinition) kieSession.getObject(correlationHandle);
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Alert.class))) {
            Alert alert = (Alert) kieSession.getObject(handle);
            byKey.put(alert.getKey(), handle);
            if (alert.getState() == AlertState.CLEARED) {
                due.forget(alert.getStatusSince() + correlation.flapping().within().toMillis(), alert.getKey());
            } else {
                byId.put(alert.getId(), handle);
                scheduleClockEnds(alert);
            }
        }
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Heartbeat.class))) {
            Heartbeat heartbeat = (Heartbeat) kieSession.getObject(handle);
            heartbeats.put(heartbeat.getResource(), handle);
            due.heartbeat(heartbeat.getDueBy(), heartbeat.getResource());
        }
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Silence.class))) {
            Silence silence = (Silence) kieSession.getObject(handle);
            silences.put(silence.getId(), handle);
            due.silence(silence.isActive() ? silence.getEnd() : silence.getStart(), silence.getId());
        }
        // Changed in place, never updated: no rule matches it, the marshaller reads its field.
        sequence = only(AlertSequence.class);
        if (sequence == null) {
            sequence = new AlertSequence(0);
            kieSession.insert(sequence);
        }
    }

    private void scheduleClockEnds(Alert alert) {
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

    private <T> T only(Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).findFirst().orElse(null);
    }

    /** After recovery: new alert and silence ids continue after the stored ones if the sequence is behind them. */
    public void continueAfter(long lastStoredAlertId, long lastStoredSilenceId) {
        sequence.continueAfter(lastStoredAlertId, lastStoredSilenceId);
    }

    /**
     * Takes the correlation sections of a new services-as-code document: its settings, confirmation
     * rules, dependencies, heartbeat intervals and silences (those of the previous document go).
     */
    public void configure(CorrelationDefinition definition) {
        correlation = definition;
        session.update(correlationHandle, definition);
        for (FactHandle handle : List.copyOf(silences.values())) {
            Silence silence = (Silence) session.getObject(handle);
            if (silence.getId().startsWith("code-")) {
                session.delete(handle);
                silences.remove(silence.getId());
            }
        }
        List<SilenceDefinition> coded = definition.silences();
        for (int i = 0; i < coded.size(); i++) {
            addSilence(Silence.of("code-" + (i + 1), coded.get(i)));
        }
    }

    /** The settings now in force. */
    public CorrelationDefinition correlation() {
        return correlation;
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
        Alert cleared = clearedAlert(event.getAlertKey());
        FactHandle handle = byKey.get(event.getAlertKey());
        if (handle == null || cleared != null) {
            if (status != Status.NORMAL && (cleared == null || cleared.isNewerThanStatus(event.getOccurredAt(), event.getId()))) {
                openFor(event, location, cleared);
            }
            return;
        }
        Alert alert = (Alert) session.getObject(handle);
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
            changed(alert, AlertChangeKind.REPEATED, null, null, event.getOccurredAt(), event.getId());
        } else if (status != Status.NORMAL) {
            changeStatus(alert, status, event, event.getOccurredAt(), event.getId());
        } else if (alert.locationRecovered(location)) {
            changed(alert, AlertChangeKind.LOCATION_RECOVERED, location + " reports NORMAL; still failing at "
                    + String.join(", ", alert.getFailingLocations()), null, event.getOccurredAt(), event.getId());
        } else {
            clear(alert, event.getOccurredAt(), event.getId(), "all clear: " + event.getResource() + "/" + event.getCheck()
                    + " reported NORMAL", null);
        }
    }

    /** The key's alert if it is CLEARED and still remembered (within the flapping window), else null. */
    private Alert clearedAlert(String key) {
        FactHandle handle = byKey.get(key);
        Alert alert = handle == null ? null : (Alert) session.getObject(handle);
        return alert != null && alert.getState() == AlertState.CLEARED ? alert : null;
    }

    private void openFor(Event event, String location, Alert cleared) {
        Alert alert = new Alert(sequence.next(), event.getAlertKey(), AlertKind.EVENT, event.getResource(), event.getCheck(),
                null, event.getOccurredAt());
        inherit(alert, cleared);
        alert.setAttributes(event.getAttributes());
        alert.setLocation(location);
        ConfirmationRule rule = correlation.confirmationFor(event.getResource(), event.getCheck(),
                MatchTarget.of(event, location));
        if (rule != null) {
            alert.needConfirmation(rule.needed(), rule.within().toMillis());
            alert.locationFailed(location, event.getOccurredAt());
            due.confirmation(event.getOccurredAt() + rule.within().toMillis(), alert.getId());
        }
        open(alert, event.getOccurredAt(), event.getId(), event.getSource(), event.getCategory(), event.getMessage(),
                event.getStatus(), event);
    }

    private static String locationOf(Event event) {
        String location = event.attribute(LOCATION);
        return location == null || location.isBlank() ? event.getSource() : location;
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
        Alert cleared = clearedAlert(key);
        FactHandle handle = byKey.get(key);
        if (handle == null || cleared != null) {
            if (status != Status.NORMAL) {
                Alert alert = new Alert(sequence.next(), key, kind, null, null, service.getService(), at);
                inherit(alert, cleared);
                open(alert, at, eventId, "vigil", "service", message, status, null);
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

    /**
     * Called by rules for a heartbeat: the resource is expected to send the next one within the event's
     * {@code timeout} attribute, else the interval the heartbeats section gives its resource or source.
     * A heartbeat with neither is ignored (nobody said when the next one is due).
     */
    public void heartbeat(Event event) {
        Duration timeout = timeoutOf(event);
        if (timeout == null) {
            return;
        }
        FactHandle handle = heartbeats.get(event.getResource());
        if (handle == null) {
            Heartbeat heartbeat = new Heartbeat(event.getResource(), event.getSource(), event.getOccurredAt(),
                    timeout.toMillis());
            heartbeats.put(event.getResource(), session.insert(heartbeat));
            due.heartbeat(heartbeat.getDueBy(), heartbeat.getResource());
            return;
        }
        Heartbeat heartbeat = (Heartbeat) session.getObject(handle);
        heartbeat.beat(event.getSource(), event.getOccurredAt(), timeout.toMillis());
        session.update(handle, heartbeat);
        due.heartbeat(heartbeat.getDueBy(), heartbeat.getResource());
    }

    private Duration timeoutOf(Event event) {
        String text = event.attribute(TIMEOUT);
        Duration given = text == null ? null : DurationFormat.parse(text.trim());
        if (given != null && !given.isZero()) {
            return given;
        }
        return correlation.heartbeatIntervalFor(event.getResource(), event.getSource());
    }

    // ---- correlation decisions of the rules ---------------------------------------------------

    /** Called by rules: enough locations report the problem within the window. */
    public void confirm(Alert alert) {
        alert.setConfirmation(Confirmation.CONFIRMED);
        changed(alert, AlertChangeKind.CONFIRMED, "confirmed by " + alert.getFailingLocationCount() + " locations: "
                + String.join(", ", alert.getFailingLocations()), null, alert.getLastSeen(), alert.getLastEventId());
    }

    /** Called by rules: a CRITICAL alert of {@code parent}, which the alert's resource depends on, carries the problem. */
    public void suppress(Alert alert, String parent) {
        alert.setSuppressedBy(parent);
        changed(alert, AlertChangeKind.SUPPRESSED, "suppressed by " + parent + " (CRITICAL)", null, clock.get(), 0);
    }

    /** Called by rules: no parent of the alert's resource is CRITICAL any more. */
    public void release(Alert alert) {
        String parent = alert.getSuppressedBy();
        alert.setSuppressedBy(null);
        changed(alert, AlertChangeKind.UNSUPPRESSED, parent + " is no longer CRITICAL", null, clock.get(), 0);
    }

    /** Called by rules: an active silence matches the alert. */
    public void silence(Alert alert, Silence silence) {
        alert.setSilencedBy(silence.getId());
        changed(alert, AlertChangeKind.SILENCED, "silence " + silence.getId() + " by " + silence.getCreator() + ": "
                + silence.getComment(), null, clock.get(), 0);
    }

    /** Called by rules: the alert's silence has ended or gone. */
    public void unsilence(Alert alert) {
        String silence = alert.getSilencedBy();
        alert.setSilencedBy(null);
        changed(alert, AlertChangeKind.UNSILENCED, "silence " + silence + " ended", null, clock.get(), 0);
    }

    /** Called by rules: the alert changed status too often within the flapping window. */
    public void startFlapping(Alert alert) {
        alert.setFlapping(true);
        due.flapping(alert.getStatusSince() + correlation.flapping().quietFor().toMillis(), alert.getId());
        FlappingSettings flapping = correlation.flapping();
        changed(alert, AlertChangeKind.FLAPPING_STARTED, alert.recentChangesWithin(flapping.within().toMillis())
                + " status changes within " + DurationFormat.format(flapping.within()), null, alert.getStatusSince(), 0);
    }

    // ---- the clock -----------------------------------------------------------------------------

    /** Ends what the clock ends by {@code now}: shelving, confirmation windows, flapping, heartbeats, silences. */
    public void tick(long now) {
        for (DueList.Due item = due.next(now); item != null; item = due.next(now)) {
            Alert alert = item.alertId() == 0 ? null : activeAlert(item.alertId());
            switch (item.kind()) {
                case SHELVING -> endShelving(alert, item.at());
                case CONFIRMATION -> endConfirmationWindow(alert, item.at());
                case FLAPPING -> endFlapping(alert, item.at());
                case HEARTBEAT -> heartbeatDue(item.name(), item.at());
                case SILENCE -> silenceDue(item.name(), item.at());
                case FORGET -> forget(item.name(), item.at());
            }
        }
    }

    private Alert activeAlert(long id) {
        FactHandle handle = byId.get(id);
        return handle == null ? null : (Alert) session.getObject(handle);
    }

    private void endShelving(Alert alert, long at) {
        if (alert != null && alert.getState() == AlertState.SHELVED && alert.getShelvedUntil() == at) {
            unshelve(alert, "shelving ended at " + Instant.ofEpochMilli(at), null, at);
        }
    }

    private void endConfirmationWindow(Alert alert, long at) {
        if (alert != null && alert.getConfirmation() == Confirmation.UNCONFIRMED && alert.getFirstSeen() + alert.getConfirmationWithin() == at) {
            alert.setConfirmation(Confirmation.NOT_CONFIRMED);
            stateChanged = true;
            close(alert, AlertChangeKind.NOT_CONFIRMED, at, "not confirmed: " + alert.getFailingLocationCount() + " of "
                    + alert.getConfirmationNeeded() + " locations reported it within "
                    + DurationFormat.format(Duration.ofMillis(alert.getConfirmationWithin())));
        }
    }

    private void endFlapping(Alert alert, long at) {
        long quietFor = correlation.flapping().quietFor().toMillis();
        if (alert == null || !alert.isFlapping()) {
            return;
        }
        if (alert.getStatusSince() + quietFor > at) {
            due.flapping(alert.getStatusSince() + quietFor, alert.getId());
            return;
        }
        alert.endFlapping(at);
        stateChanged = true;
        changed(alert, AlertChangeKind.FLAPPING_ENDED, "stable for " + DurationFormat.format(Duration.ofMillis(quietFor)),
                null, at, 0);
    }

    private void heartbeatDue(String resource, long at) {
        FactHandle handle = heartbeats.get(resource);
        Heartbeat heartbeat = handle == null ? null : (Heartbeat) session.getObject(handle);
        String key = resource + "/heartbeat";
        Alert cleared = clearedAlert(key);
        if (heartbeat == null || heartbeat.getDueBy() != at || byKey.containsKey(key) && cleared == null) {
            return;
        }
        stateChanged = true;
        Alert alert = new Alert(sequence.next(), key, AlertKind.EVENT, resource, "heartbeat", null, at);
        inherit(alert, cleared);
        alert.setLocation(heartbeat.getSource());
        open(alert, at, 0, heartbeat.getSource(), "operational", "heartbeat missing: none since "
                + Instant.ofEpochMilli(heartbeat.getLastAt()) + " (expected every "
                + DurationFormat.format(Duration.ofMillis(heartbeat.getTimeout())) + ")", Status.CRITICAL, null);
    }

    private void silenceDue(String silenceId, long at) {
        FactHandle handle = silences.get(silenceId);
        Silence silence = handle == null ? null : (Silence) session.getObject(handle);
        if (silence == null) {
            return;
        }
        if (!silence.isActive() && silence.getStart() <= at && at < silence.getEnd()) {
            silence.setActive(true);
            session.update(handle, silence, "active");
            due.silence(silence.getEnd(), silenceId);
            stateChanged = true;
        } else if (at >= silence.getEnd()) {
            session.delete(handle);
            silences.remove(silenceId);
            stateChanged = true;
        }
    }

    private void addSilence(Silence silence) {
        long now = clock.get();
        if (now >= silence.getEnd()) {
            return;
        }
        silence.setActive(now >= silence.getStart());
        silences.put(silence.getId(), session.insert(silence));
        due.silence(silence.isActive() ? silence.getEnd() : silence.getStart(), silence.getId());
    }

    // ---- people's commands ---------------------------------------------------------------------

    /**
     * Adds a silence made through the API (a command: the journal cannot replay it), with a new id; one
     * that ended already is refused.
     */
    public CommandResult addSilence(SilenceDefinition definition, String actor) {
        long now = clock.get();
        if (definition.end().toEpochMilli() <= now) {
            return CommandResult.conflict("the silence ended already: end " + definition.end() + " is not after now ("
                    + Instant.ofEpochMilli(now) + ")");
        }
        long id = sequence.nextSilence();
        addSilence(Silence.of(Long.toString(id), definition));
        stateChanged = true;
        outcomes.emit(new Outcome.SilenceAdded(id, definition.matchers().texts(), definition.start().toEpochMilli(),
                definition.end().toEpochMilli(), actor, definition.comment(), now));
        return CommandResult.created(id);
    }

    /** A silence stored earlier, put back into a session started without a snapshot (quiet: it is stored). */
    public void restoreSilence(long id, SilenceDefinition definition) {
        addSilence(Silence.of(Long.toString(id), definition));
    }

    /** Records the planned downtimes a new silence set up as a maintenance window. */
    public void maintenanceWindow(long silenceId, List<Long> downtimeIds) {
        FactHandle handle = silences.get(Long.toString(silenceId));
        if (handle != null) {
            ((Silence) session.getObject(handle)).setDowntimeIds(downtimeIds);
        }
    }

    /** The planned downtimes of a silence (to cancel with it), empty for none or an unknown silence. */
    public List<Long> downtimesOf(long silenceId) {
        FactHandle handle = silences.get(Long.toString(silenceId));
        return handle == null ? List.of() : ((Silence) session.getObject(handle)).getDowntimeIds();
    }

    /** Ends a silence made through the API before its time. */
    public CommandResult expireSilence(long id, String actor) {
        FactHandle handle = silences.remove(Long.toString(id));
        if (handle == null) {
            return CommandResult.notFound("silence " + id + " is not active or pending (it does not exist or has ended)");
        }
        session.delete(handle);
        stateChanged = true;
        outcomes.emit(new Outcome.SilenceExpired(id, actor, clock.get()));
        return CommandResult.done();
    }

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
            due.shelving(until, alert.getId());
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

    /** True once after any change the journal cannot replay (a command, something the clock ended). */
    public boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        return changed;
    }

    // ---- the bookkeeping behind it all --------------------------------------------------------

    /** A new alert for a key that cleared lately takes over the key's recent changes and the key's place. */
    private void inherit(Alert alert, Alert cleared) {
        if (cleared != null) {
            alert.inheritChanges(cleared);
            session.delete(byKey.remove(cleared.getKey()));
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
        changed(alert, AlertChangeKind.STATUS, before + " → " + status, null, at, eventId);
        if (dropAcknowledgement) {
            changed(alert, AlertChangeKind.ACKNOWLEDGEMENT_DROPPED, "it got worse: " + before + " → " + status, null, at,
                    eventId);
        }
    }

    private void clear(Alert alert, long at, long eventId, String why, String actor) {
        alert.changeStatus(Status.NORMAL, null, at, eventId);
        close(alert, AlertChangeKind.CLEARED, at, why, actor, eventId);
    }

    private void close(Alert alert, AlertChangeKind kind, long at, String why) {
        close(alert, kind, at, why, null, 0);
    }

    /**
     * The alert is CLEARED: no command reaches it any more; it stays in the session for the flapping
     * window (see the class comment); its stored row and history stay for good.
     */
    private void close(Alert alert, AlertChangeKind kind, long at, String why, String actor, long eventId) {
        alert.setState(AlertState.CLEARED);
        alert.setShelvedUntil(0);
        alert.setSuppressedBy(null);
        alert.setSilencedBy(null);
        alert.setFlapping(false);
        due.forget(at + correlation.flapping().within().toMillis(), alert.getKey());
        session.update(byId.remove(alert.getId()), alert, ANY);
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), kind, why, actor, at,
                eventId == 0 ? null : eventId, actor == null ? currentFiringId.get() : null));
    }

    private void forget(String key, long at) {
        Alert cleared = clearedAlert(key);
        if (cleared != null && cleared.getStatusSince() + correlation.flapping().within().toMillis() <= at) {
            session.delete(byKey.remove(key));
        }
    }

    private void changed(Alert alert, AlertChangeKind kind, String detail, String actor, long at, long eventId) {
        String[] properties = switch (kind) {
            case REPEATED, LOCATION_RECOVERED -> REPEAT;
            case STATUS -> STATUS;
            default -> ANY;
        };
        session.update(byId.get(alert.getId()), alert, properties);
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), kind, detail, actor, at,
                eventId == 0 ? null : eventId, actor == null ? currentFiringId.get() : null));
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

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
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
