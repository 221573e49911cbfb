package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Event;
import io.vigil.model.Heartbeat;
import io.vigil.model.Status;
import io.vigil.service.DurationFormat;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The heartbeat senders of one session, a {@link Heartbeat} fact per resource: each heartbeat moves
 * the time the next one is due; when that time passes first, the CRITICAL alert
 * {@code <resource>/heartbeat} opens (the next heartbeat, a NORMAL report of that key, clears it).
 * Engine thread only.
 */
final class Heartbeats {

    private static final String TIMEOUT = "timeout";

    private final AlertBook book;
    private final DueList due;
    private final Map<String, FactHandle> byResource = new HashMap<>();
    private KieSession session;

    Heartbeats(AlertBook book, DueList due) {
        this.book = book;
        this.due = due;
    }

    void attach(KieSession kieSession) {
        session = kieSession;
        byResource.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Heartbeat.class))) {
            Heartbeat heartbeat = (Heartbeat) kieSession.getObject(handle);
            byResource.put(heartbeat.getResource(), handle);
            due.heartbeat(heartbeat.getDueBy(), heartbeat.getResource());
        }
    }

    /**
     * A heartbeat: the next is due within its {@code timeout} attribute, else the interval the
     * heartbeats section gives its resource or source; with neither it is ignored (nobody said when).
     */
    void beat(Event event, CorrelationDefinition correlation) {
        Duration timeout = timeoutOf(event, correlation);
        if (timeout == null) {
            return;
        }
        FactHandle handle = byResource.get(event.getResource());
        Heartbeat heartbeat;
        if (handle == null) {
            heartbeat = new Heartbeat(event.getResource(), event.getSource(), event.getOccurredAt(), timeout.toMillis());
            byResource.put(event.getResource(), session.insert(heartbeat));
        } else {
            heartbeat = (Heartbeat) session.getObject(handle);
            heartbeat.beat(event.getSource(), event.getOccurredAt(), timeout.toMillis());
            session.update(handle, heartbeat);
        }
        due.heartbeat(heartbeat.getDueBy(), heartbeat.getResource());
    }

    /** The time a heartbeat was due came: if none came since, the heartbeat is missing. */
    void due(String resource, long at) {
        FactHandle handle = byResource.get(resource);
        Heartbeat heartbeat = handle == null ? null : (Heartbeat) session.getObject(handle);
        String key = resource + "/heartbeat";
        Alert current = book.byKey(key);
        boolean alreadyMissing = current != null && current.getState() != AlertState.CLEARED;
        if (heartbeat == null || heartbeat.getDueBy() != at || alreadyMissing) {
            return;
        }
        book.markStateChanged();
        Alert alert = book.create(key, id -> new Alert(id, key, AlertKind.EVENT, resource, "heartbeat", null, at));
        alert.setLocation(heartbeat.getSource());
        book.open(alert, at, 0, heartbeat.getSource(), "operational", "heartbeat missing: none since "
                + Instant.ofEpochMilli(heartbeat.getLastAt()) + " (expected every "
                + DurationFormat.format(Duration.ofMillis(heartbeat.getTimeout())) + ")", Status.CRITICAL, null);
    }

    private static Duration timeoutOf(Event event, CorrelationDefinition correlation) {
        String text = event.attribute(TIMEOUT);
        Duration given = text == null ? null : DurationFormat.parse(text.trim());
        if (given != null && !given.isZero()) {
            return given;
        }
        return correlation.heartbeatIntervalFor(event.getResource(), event.getSource());
    }
}
