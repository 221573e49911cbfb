package io.vigil.service.sla;

import java.io.Serializable;
import java.util.Objects;

/**
 * A planned downtime of one service: samples taken from {@code start} (inclusive) to {@code end}
 * (exclusive) are left out of its SLA. Times are session-clock epoch milliseconds.
 */
public record PlannedDowntime(long start, long end, String service, String comment) implements Serializable {

    public PlannedDowntime {
        Objects.requireNonNull(service, "service");
        comment = comment == null ? "" : comment;
        if (end <= start) {
            throw new IllegalArgumentException("planned downtime of service \"" + service + "\" ends at " + end
                    + ", not after its start " + start);
        }
    }

    public boolean covers(long at) {
        return start <= at && at < end;
    }
}
