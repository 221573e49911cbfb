package io.vigil.session.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.alert.AlertView;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.IncidentState;
import io.vigil.model.Status;
import io.vigil.service.ServiceDesk;
import io.vigil.session.Outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What replay reports at the end: built from the outcomes (so it says exactly what the outcomes
 * said), the last status of every element, every alert as it stood last (cleared ones too),
 * every incident with its final state and escalation
 * level, and how many events and firings there were; read from the session's service desk at the
 * end, every service of the tree (also those never known) with its status, value and SLA; and how
 * many notifications were decided.
 */
final class ReplaySummary {

    record ElementLine(String resource, String check, Status status) {
    }

    record IncidentLine(long id, String resource, String check, IncidentState state, int escalationLevel) {
    }

    /**
     * An alert as it stood at its last change (cleared ones too: the summary tells the whole story).
     *
     * @param confirmed    false only while (or because) too few locations reported it
     * @param suppressedBy the CRITICAL parent resource that suppresses it, or null
     * @param silenced     the id of the silence that silences it, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AlertLine(long id, String key, AlertKind kind, AlertState state, Status status, long count, boolean confirmed,
                     String suppressedBy, String silenced, boolean flapping) {
    }

    /** @param sla null when the service has no SLA */
    record ServiceLine(String name, Status status, BigDecimal value, SlaLine sla) {
    }

    /** @param compliance percent, null while N/A; status as Pandora shows it (OK, INCORRECT, N/A) */
    record SlaLine(BigDecimal compliance, String status) {
    }

    /** The summary line's shape: {@code {"summary":{...}}}. */
    record Line(Body summary) {
    }

    record Body(int events, List<ElementLine> elements, List<AlertLine> alerts, List<IncidentLine> incidents,
                List<ServiceLine> services, NotificationCount notifications, long firings) {
    }

    /** How many notifications were decided, and how many of them were all-clears only. */
    record NotificationCount(long total, long allClear) {
    }

    private final Map<String, ElementLine> elements = new TreeMap<>();
    private final Map<Long, IncidentLine> incidents = new LinkedHashMap<>();
    private final Map<Long, AlertLine> alerts = new TreeMap<>();
    private List<ServiceLine> services = List.of();
    private long firings;
    private long notifications;
    private long allClears;

    void firings(int count) {
        firings += count;
    }

    void services(ServiceDesk desk) {
        services = desk.tree().services().stream().map(service -> new ServiceLine(service.name(), service.status(),
                service.value(), desk.book().view(service.name())
                        .map(sla -> new SlaLine(sla.compliance().percent(), sla.compliance().status().label()))
                        .orElse(null))).toList();
    }

    void add(Outcome outcome) {
        if (outcome instanceof Outcome.ElementStatusChanged changed) {
            elements.put(changed.resource() + "\u0000" + changed.check(),
                    new ElementLine(changed.resource(), changed.check(), changed.status()));
        } else if (outcome instanceof Outcome.AlertChanged changed) {
            AlertView alert = changed.alert();
            alerts.put(alert.id(), new AlertLine(alert.id(), alert.key(), alert.kind(), alert.state(), alert.status(),
                    alert.count(), alert.confirmation() == Confirmation.NOT_NEEDED
                    || alert.confirmation() == Confirmation.CONFIRMED, alert.suppressedBy(), alert.silencedBy(),
                    alert.flapping()));
        } else if (outcome instanceof Outcome.IncidentOpened opened) {
            incidents.put(opened.incidentId(),
                    new IncidentLine(opened.incidentId(), opened.resource(), opened.check(), IncidentState.OPEN, 0));
        } else if (outcome instanceof Outcome.IncidentEscalated escalated) {
            incidents.computeIfPresent(escalated.incidentId(), (id, line) -> new IncidentLine(id, line.resource(),
                    line.check(), line.state(), escalated.level()));
        } else if (outcome instanceof Outcome.IncidentAcknowledged acknowledged) {
            state(acknowledged.incidentId(), IncidentState.ACKNOWLEDGED);
        } else if (outcome instanceof Outcome.IncidentSnoozed snoozed) {
            state(snoozed.incidentId(), IncidentState.ACKNOWLEDGED);
        } else if (outcome instanceof Outcome.IncidentSnoozeEnded ended) {
            state(ended.incidentId(), IncidentState.OPEN);
        } else if (outcome instanceof Outcome.IncidentInvestigating investigating) {
            state(investigating.incidentId(), IncidentState.INVESTIGATING);
        } else if (outcome instanceof Outcome.IncidentResolved resolved) {
            state(resolved.incidentId(), IncidentState.RESOLVED);
        } else if (outcome instanceof Outcome.IncidentClosed closed) {
            state(closed.incidentId(), IncidentState.CLOSED);
        } else if (outcome instanceof Outcome.NotificationDecided decided) {
            notifications++;
            allClears += decided.notification().allClear() ? 1 : 0;
        }
    }

    private void state(long incidentId, IncidentState state) {
        incidents.computeIfPresent(incidentId, (id, line) -> new IncidentLine(id, line.resource(), line.check(), state,
                line.escalationLevel()));
    }

    Line line(int events) {
        List<IncidentLine> byId = new ArrayList<>(incidents.values());
        byId.sort(Comparator.comparingLong(IncidentLine::id));
        return new Line(new Body(events, List.copyOf(elements.values()), List.copyOf(alerts.values()), byId, services,
                new NotificationCount(notifications, allClears), firings));
    }
}
