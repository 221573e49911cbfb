package io.vigil.service;

import io.vigil.config.Fields;

import java.math.BigDecimal;

/** Weights and thresholds as the service tree's exact sums need them. */
final class Amounts {

    /** Weights and values beyond this could overflow the tree's exact sums. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal(1_000_000_000);

    private Amounts() {
    }

    /** A number with at most {@link ServiceStatusCalculator#SCALE} decimals and a sane size; null when absent or bad (reported). */
    static BigDecimal amount(Fields fields, String key) {
        BigDecimal value = fields.number(key);
        if (value == null) {
            return null;
        }
        if (Decimals.normalize(value).scale() > ServiceStatusCalculator.SCALE) {
            fields.complain(key, value, "has more than " + ServiceStatusCalculator.SCALE + " decimals");
            return null;
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            fields.complain(key, value, "is larger than " + MAX_AMOUNT);
            return null;
        }
        return value;
    }
}
