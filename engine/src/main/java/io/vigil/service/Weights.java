package io.vigil.service;

import io.vigil.model.Status;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an element adds to its service's value in each of its statuses (manual mode; auto mode
 * uses {@link #DEFAULT}). Values are normalized so that equal weights are equal records.
 */
public record Weights(BigDecimal normal, BigDecimal warning, BigDecimal critical, BigDecimal unknown)
        implements Serializable {

    /** Pandora's defaults, and auto mode's fixed weights. */
    public static final Weights DEFAULT = new Weights(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE,
            BigDecimal.ZERO);

    public Weights {
        normal = Decimals.normalize(Objects.requireNonNull(normal, "normal"));
        warning = Decimals.normalize(Objects.requireNonNull(warning, "warning"));
        critical = Decimals.normalize(Objects.requireNonNull(critical, "critical"));
        unknown = Decimals.normalize(Objects.requireNonNull(unknown, "unknown"));
    }

    /** The weight for an element in {@code status}; an element with no status yet weighs nothing. */
    public BigDecimal forStatus(Status status) {
        if (status == null) {
            return BigDecimal.ZERO;
        }
        switch (status) {
            case NORMAL: return normal;
            case WARNING: return warning;
            case CRITICAL: return critical;
            default: return unknown;
        }
    }
}
