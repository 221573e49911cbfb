package io.vigil.model;

import io.vigil.service.sla.SlaStatus;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The computed status of one service as a fact, one per service of the tree, so rules can act on
 * service changes the way they act on {@link ElementStatus}: the service desk modifies it in the
 * batch that moved the service. {@code changes} counts status changes (an incident remembers the
 * change it was opened for, so one critical episode opens at most one incident).
 *
 * <p>The desk updates it with the names of the properties it changed, so rules that look at the
 * status do not wake up when only the value or the SLA moved (property reactivity).
 */
public final class ServiceStatus implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String service;
    private Status status;
    private Status previous;
    private BigDecimal value;
    private long since;
    private long changes;
    private Long lastEventId;
    private SlaStatus slaStatus = SlaStatus.NOT_AVAILABLE;
    private long slaSince;

    /** A service as its tree computes it now; {@code previous} is null (it had no status before). */
    public ServiceStatus(String service, Status status, BigDecimal value, long since) {
        this.service = service;
        this.status = status;
        this.value = value;
        this.since = since;
        this.changes = 1;
    }

    /** The status moved, because of the event {@code eventId} (null: a tree replace, not an event). */
    public void change(Status newStatus, BigDecimal newValue, long at, Long eventId) {
        previous = status;
        status = newStatus;
        value = newValue;
        since = at;
        lastEventId = eventId;
        changes++;
    }

    /** Only the value moved. */
    public void revalue(BigDecimal newValue) {
        value = newValue;
    }

    public void slaChanged(SlaStatus newStatus, long at) {
        slaStatus = newStatus;
        slaSince = at;
    }

    public String getService() { return service; }
    public Status getStatus() { return status; }
    /** The status before the last status change; null when the service had none. */
    public Status getPrevious() { return previous; }
    public BigDecimal getValue() { return value; }
    public long getSince() { return since; }
    public long getChanges() { return changes; }
    /** The event whose element change moved the status last, or null. */
    public Long getLastEventId() { return lastEventId; }
    public SlaStatus getSlaStatus() { return slaStatus; }
    public long getSlaSince() { return slaSince; }

    @Override
    public String factId() {
        return "service:" + service;
    }

    @Override
    public String summary() {
        return service + " " + status + " value " + value.toPlainString() + " (was " + previous + "), SLA "
                + slaStatus.label();
    }

    @Override
    public String toString() {
        return "ServiceStatus(" + summary() + ")";
    }
}
