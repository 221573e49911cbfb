package io.vigil.service.sla;

/** What one SLA sample found; only COMPLIES and FAILS count towards compliance. */
public enum SampleOutcome {
    COMPLIES,
    FAILS,
    /** Left out: the service's status was UNKNOWN (nothing known to judge by). */
    UNKNOWN,
    /** Left out: the sample fell into a planned downtime of the service. */
    DOWNTIME;

    public boolean counted() {
        return this == COMPLIES || this == FAILS;
    }
}
