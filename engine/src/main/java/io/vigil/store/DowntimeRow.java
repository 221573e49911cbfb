package io.vigil.store;

import io.vigil.service.sla.PlannedDowntime;
import io.vigil.session.RecoverySource.StoredDowntime;

import java.time.Instant;

/**
 * A planned downtime of a service: its SLA samples in [start, end) are left out.
 *
 * @param cancelledAt null unless cancelled (then {@code cancelledBy} names who did it)
 */
public record DowntimeRow(long id, String service, Instant start, Instant end, String comment, String createdBy,
                          Instant createdAt, Instant cancelledAt, String cancelledBy) {

    /** What the engine keeps of it. */
    public StoredDowntime toStored() {
        return new StoredDowntime(id, new PlannedDowntime(start.toEpochMilli(), end.toEpochMilli(), service, comment));
    }
}
