package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.CommandResult;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The alerts of one session and the one way they change: every change is a fact update naming the
 * properties it touched and an {@link Outcome.AlertChanged} outcome. Keeps the alerts by key (the
 * CLEARED ones the session still remembers included) and the active ones by id, and the id sequence.
 * Engine thread only.
 */
final class AlertBook {

    /**
     * What a repeat changes. Updates name the properties they change, so a pattern is woken only by
     * what it looks at: the alert rules' pattern on the key and the state is not woken by a repeat or
     * a status change and cannot fire twice for one report.
     */
    private static final String[] REPEAT = {"count", "lastSeen", "lastEventId", "source", "category", "message",
            "attributes", "location", "failingLocationCount", "failingLocations"};
    /** What a status change changes besides. */
    private static final String[] STATUS = concat(REPEAT, "status", "previousStatus", "severity", "statusSince",
            "recentChanges");
    /** Everything that changes: state changes, correlation decisions, a dropped acknowledgement. */
    private static final String[] ANY = concat(STATUS, "state", "acknowledgedBy", "assignee", "shelvedUntil",
            "confirmation", "suppressedBy", "silencedBy", "flapping");

    private final Outcomes outcomes;
    private final Supplier<Long> currentFiringId;
    private final Map<String, FactHandle> byKey = new HashMap<>();
    private final Map<Long, FactHandle> byId = new HashMap<>();
    private KieSession session;
    private AlertSequence sequence;
    private boolean stateChanged;

    AlertBook(Outcomes outcomes, Supplier<Long> currentFiringId) {
        this.outcomes = outcomes;
        this.currentFiringId = currentFiringId;
    }

    /** Finds the session's alerts and id sequence (a new session gets a sequence at 0); returns the alerts. */
    List<Alert> attach(KieSession kieSession) {
        session = kieSession;
        byKey.clear();
        byId.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Alert.class))) {
            Alert alert = (Alert) kieSession.getObject(handle);
            byKey.put(alert.getKey(), handle);
            if (alert.getState() != AlertState.CLEARED) {
                byId.put(alert.getId(), handle);
            }
        }
        // Changed in place, never updated: no rule matches it, the marshaller reads its fields.
        sequence = kieSession.getObjects(new ClassObjectFilter(AlertSequence.class)).stream()
                .map(AlertSequence.class::cast).findFirst().orElse(null);
        if (sequence == null) {
            sequence = new AlertSequence(0);
            kieSession.insert(sequence);
        }
        return byKey.values().stream().map(handle -> (Alert) kieSession.getObject(handle)).toList();
    }

    AlertSequence sequence() {
        return sequence;
    }

    /** The active alert with this id, or null. */
    Alert active(long id) {
        FactHandle handle = byId.get(id);
        return handle == null ? null : (Alert) session.getObject(handle);
    }

    /** The key's alert, active or CLEARED-and-remembered, or null. */
    Alert byKey(String key) {
        FactHandle handle = byKey.get(key);
        return handle == null ? null : (Alert) session.getObject(handle);
    }

    /** The key's alert if it is CLEARED and still remembered (within the flapping window), else null. */
    Alert cleared(String key) {
        Alert alert = byKey(key);
        return alert != null && alert.getState() == AlertState.CLEARED ? alert : null;
    }

    /**
     * A new alert for {@code key} with the next id; one for a key that cleared lately takes over the
     * key's recent changes and the key's place.
     */
    Alert create(String key, Function<Long, Alert> alertWithId) {
        Alert alert = alertWithId.apply(sequence.next());
        Alert cleared = cleared(key);
        if (cleared != null) {
            alert.inheritChanges(cleared);
            session.delete(byKey.remove(key));
        }
        return alert;
    }

    /** Puts a new alert in the session, reported at {@code at} with {@code status}. */
    void open(Alert alert, long at, long eventId, String source, String category, String message, Status status,
              Severity severity) {
        alert.report(at, eventId, source, category, message);
        alert.changeStatus(status, severity, at, eventId);
        FactHandle handle = session.insert(alert);
        byKey.put(alert.getKey(), handle);
        byId.put(alert.getId(), handle);
        emit(alert, AlertChangeKind.OPENED, message, null, at, eventId);
    }

    void changed(Alert alert, AlertChangeKind kind, String detail, String actor, long at, long eventId) {
        String[] properties = switch (kind) {
            case REPEATED, LOCATION_RECOVERED -> REPEAT;
            case STATUS -> STATUS;
            default -> ANY;
        };
        session.update(byId.get(alert.getId()), alert, properties);
        emit(alert, kind, detail, actor, at, eventId);
    }

    /**
     * The alert is CLEARED (closed as {@code kind}): no command reaches it any more; it stays in the
     * session, remembered by its key, until {@link #forget}; its stored row and history stay for good.
     */
    void close(Alert alert, AlertChangeKind kind, long at, String why, String actor, long eventId) {
        alert.setState(AlertState.CLEARED);
        alert.setShelvedUntil(0);
        alert.setSuppressedBy(null);
        alert.setSilencedBy(null);
        alert.setFlapping(false);
        session.update(byId.remove(alert.getId()), alert, ANY);
        emit(alert, kind, why, actor, at, eventId);
    }

    /** The key's CLEARED alert leaves the session, if it cleared {@code windowMillis} or more before {@code at}. */
    void forget(String key, long at, long windowMillis) {
        Alert cleared = cleared(key);
        if (cleared != null && cleared.getStatusSince() + windowMillis <= at) {
            session.delete(byKey.remove(key));
        }
    }

    /** Runs {@code action} on each active alert asked for, in order (an id asked twice counts once). */
    CommandResult each(List<Long> ids, Function<Alert, CommandResult> action) {
        Map<Long, CommandResult> results = new LinkedHashMap<>();
        for (long id : new LinkedHashSet<>(ids)) {
            Alert alert = active(id);
            results.put(id, alert == null
                    ? CommandResult.notFound("alert " + id + " is not active (it does not exist or was cleared)")
                    : action.apply(alert));
        }
        return CommandResult.each(results);
    }

    /** A change the journal cannot replay (a command, something the clock ended): the batch takes a snapshot. */
    void markStateChanged() {
        stateChanged = true;
    }

    boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        return changed;
    }

    /** A person's changes name the person and no firing; the rules' changes name the firing running now. */
    private void emit(Alert alert, AlertChangeKind kind, String detail, String actor, long at, long eventId) {
        outcomes.emit(new Outcome.AlertChanged(AlertView.of(alert), kind, detail, actor, at,
                eventId == 0 ? null : eventId, actor == null ? currentFiringId.get() : null));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
