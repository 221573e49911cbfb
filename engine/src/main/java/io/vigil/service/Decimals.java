package io.vigil.service;

import java.math.BigDecimal;

/** Gives every decimal of a definition one spelling, so that 1.20 and 1.2 are equal and export alike. */
final class Decimals {

    private Decimals() {
    }

    /** Drops trailing zeros without going to exponent notation (100 stays 100, never 1E+2). */
    static BigDecimal normalize(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
