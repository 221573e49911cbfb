package io.vigil.service;

import io.vigil.model.Status;

/** Which service statuses count as complying in an SLA sample. */
public enum CompliesWhen {
    NORMAL,
    NORMAL_OR_WARNING;

    public boolean complies(Status status) {
        return status == Status.NORMAL || this == NORMAL_OR_WARNING && status == Status.WARNING;
    }
}
