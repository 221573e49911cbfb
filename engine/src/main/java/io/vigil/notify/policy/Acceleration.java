package io.vigil.notify.policy;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How a HIGH-priority incident escalates faster: it starts {@code skipLevels} levels further down,
 * and every level's {@code after} is multiplied by {@code delayFactor} (greater than 0, at most 1).
 */
public record Acceleration(int skipLevels, BigDecimal delayFactor) implements Serializable {

    /** No acceleration: start at level 1, wait as written. */
    public static final Acceleration NONE = new Acceleration(0, BigDecimal.ONE);
}
