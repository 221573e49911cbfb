package io.vigil.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A service's SLA: over the last {@code interval}, at least {@code limit} percent of the samples
 * (one every {@code samplePeriod}) must comply.
 */
public record SlaSettings(Duration interval, Duration samplePeriod, BigDecimal limit, CompliesWhen compliesWhen)
        implements Serializable {

    /** "1 month": a fixed 30 days, so a window always holds the same number of samples. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(30);
    public static final Duration DEFAULT_SAMPLE_PERIOD = Duration.ofMinutes(5);

    public SlaSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(samplePeriod, "samplePeriod");
        limit = Decimals.normalize(Objects.requireNonNull(limit, "limit"));
        Objects.requireNonNull(compliesWhen, "compliesWhen");
    }
}
