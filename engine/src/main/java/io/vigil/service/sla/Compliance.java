package io.vigil.service.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Compliance over some samples: complying / counted samples. The status compares exactly
 * (100·complying ≥ limit·counted), so a rounded percentage never flips it.
 *
 * @param percent two decimals, null when no sample counted
 */
public record Compliance(long complying, long counted, BigDecimal percent, SlaStatus status) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Compliance of(long complying, long counted, BigDecimal limit) {
        if (counted == 0) {
            return new Compliance(0, 0, null, SlaStatus.NOT_AVAILABLE);
        }
        BigDecimal complyingPercent = BigDecimal.valueOf(complying).multiply(HUNDRED);
        BigDecimal percent = complyingPercent.divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
        boolean ok = complyingPercent.compareTo(limit.multiply(BigDecimal.valueOf(counted))) >= 0;
        return new Compliance(complying, counted, percent, ok ? SlaStatus.OK : SlaStatus.INCORRECT);
    }

    /** Compliance of stored samples, e.g. of a past range the API reports on. */
    public static Compliance of(Iterable<SlaSample> samples, BigDecimal limit) {
        long complying = 0;
        long counted = 0;
        for (SlaSample sample : samples) {
            counted += sample.outcome().counted() ? 1 : 0;
            complying += sample.outcome() == SampleOutcome.COMPLIES ? 1 : 0;
        }
        return of(complying, counted, limit);
    }
}
