package io.vigil.web.incident;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringRow;
import io.vigil.store.EventDetail;
import io.vigil.store.EventQueries;
import io.vigil.store.IncidentRow;
import org.springframework.stereotype.Component;

/** Follows an incident's chain back through the audit trail and the journal. */
@Component
class IncidentChains {

    private final AuditTrail trail;
    private final EventQueries events;

    IncidentChains(AuditTrail trail, EventQueries events) {
        this.trail = trail;
        this.events = events;
    }

    IncidentChain of(IncidentRow incident) {
        Long firingId = incident.openedByFiringId();
        String rule = firingId == null ? null : trail.byId(firingId).map(FiringRow::rule).orElse(null);
        Long eventId = incident.openedByEventId();
        String raw = eventId == null ? null : events.byId(eventId).map(EventDetail::raw).orElse(null);
        return new IncidentChain(firingId, firingId == null ? null : "/api/v1/audit/firings/" + firingId, rule,
                eventId, eventId == null ? null : "/api/v1/events/" + eventId, raw);
    }
}
