package io.vigil.service;

import io.vigil.model.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Pandora FMS's service arithmetic as pure functions. Weights and values are exact: they are
 * kept as longs in thousandths, so 1.2 + 1.2 + 2 is exactly 4.4 and a threshold of 4.4 is met by
 * it (doubles would make that 4.3999…). The incremental {@link ServiceTree} and any full
 * recompute use these same functions, so they cannot disagree.
 */
public final class ServiceStatusCalculator {

    /** Decimal places of weights and thresholds; definitions with more are rejected. */
    public static final int SCALE = 3;

    private ServiceStatusCalculator() {
    }

    /** The value in thousandths; throws ArithmeticException when it has more than {@link #SCALE} decimals. */
    public static long toScaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public static BigDecimal fromScaled(long scaled) {
        return Decimals.normalize(BigDecimal.valueOf(scaled, SCALE));
    }

    /** NORMAL, WARNING and CRITICAL are known; UNKNOWN and "no status yet" (null) are not. */
    public static boolean isKnown(Status status) {
        return status != null && status != Status.UNKNOWN;
    }

    /** Weights in thousandths indexed by {@link Status#ordinal()}, for O(1) lookups on the hot path. */
    public static long[] scaledWeights(Weights weights) {
        long[] scaled = new long[Status.values().length];
        for (Status status : Status.values()) {
            scaled[status.ordinal()] = toScaled(weights.forStatus(status));
        }
        return scaled;
    }

    /** Manual and auto mode: CRITICAL at or above {@code critical}, else WARNING at or above {@code warning}. */
    public static Status weighted(long value, long warning, long critical, int knownElements) {
        if (knownElements == 0) {
            return Status.UNKNOWN;
        }
        if (value >= critical) {
            return Status.CRITICAL;
        }
        return value >= warning ? Status.WARNING : Status.NORMAL;
    }

    /**
     * Simple mode: r = flagged elements in CRITICAL / flagged elements; below 50 % NORMAL, exactly
     * 50 % WARNING, above 50 % CRITICAL. Compared as integers (2·critical against flagged) so no
     * ratio is ever rounded.
     */
    public static Status simple(int flaggedCritical, int flagged, int flaggedKnown) {
        if (flaggedKnown == 0) {
            return Status.UNKNOWN;
        }
        long twice = 2L * flaggedCritical;
        if (twice > flagged) {
            return Status.CRITICAL;
        }
        return twice == flagged ? Status.WARNING : Status.NORMAL;
    }

    /** Simple mode's value: the percentage of flagged elements that are CRITICAL, to two decimals. */
    public static BigDecimal simpleValue(int flaggedCritical, int flagged) {
        if (flagged == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal percent = BigDecimal.valueOf(100L * flaggedCritical)
                .divide(BigDecimal.valueOf(flagged), 2, RoundingMode.HALF_UP);
        return Decimals.normalize(percent);
    }

    /** A service's status and value computed from scratch from its elements' current statuses (null: none yet). */
    public static Result evaluate(ServiceDefinition service, Function<ElementDefinition, Status> statusOf) {
        long value = 0;
        int known = 0;
        int flagged = 0;
        int flaggedCritical = 0;
        int flaggedKnown = 0;
        for (ElementDefinition element : service.elements()) {
            Status status = statusOf.apply(element);
            if (service.mode() == ServiceMode.SIMPLE) {
                if (element.critical()) {
                    flagged++;
                    flaggedCritical += status == Status.CRITICAL ? 1 : 0;
                    flaggedKnown += isKnown(status) ? 1 : 0;
                }
            } else {
                value += status == null ? 0 : scaledWeights(service.weightsOf(element))[status.ordinal()];
                known += isKnown(status) ? 1 : 0;
            }
        }
        if (service.mode() == ServiceMode.SIMPLE) {
            return new Result(simple(flaggedCritical, flagged, flaggedKnown), simpleValue(flaggedCritical, flagged));
        }
        Status status = weighted(value, toScaled(service.warning()), toScaled(service.critical()), known);
        return new Result(status, fromScaled(value));
    }

    /** A service's computed status and value (the weighted sum, or simple mode's CRITICAL percentage). */
    public record Result(Status status, BigDecimal value) {
    }
}
