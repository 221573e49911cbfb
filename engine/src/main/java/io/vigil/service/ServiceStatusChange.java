package io.vigil.service;

import io.vigil.model.Status;

import java.math.BigDecimal;

/** A service whose status or value changed through one element change. */
public record ServiceStatusChange(String service, Status previousStatus, Status status, BigDecimal previousValue,
                                  BigDecimal value) {

    /** True when the status moved (not only the value): that is what the rules alert on. */
    public boolean statusChanged() {
        return previousStatus != status;
    }
}
