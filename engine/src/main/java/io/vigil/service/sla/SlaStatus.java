package io.vigil.service.sla;

/** Whether a service meets its SLA over the current window. */
public enum SlaStatus {
    OK("OK"),
    INCORRECT("INCORRECT"),
    /** No counted sample in the window yet (all UNKNOWN, in planned downtime, or none taken). */
    NOT_AVAILABLE("N/A");

    private final String label;

    SlaStatus(String label) {
        this.label = label;
    }

    /** As Pandora shows it: OK, INCORRECT, N/A. */
    public String label() {
        return label;
    }
}
