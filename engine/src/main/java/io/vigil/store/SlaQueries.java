package io.vigil.store;

import io.vigil.service.sla.Compliance;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Reads stored SLA samples, so compliance over any past range can be reported. Ranges are
 * half-open, (from, to], like the SLA window itself: an hour of 5-minute samples holds 12.
 */
public final class SlaQueries {

    /** About two years of 5-minute samples: more is not a page anyone reads, and would hold a lot of memory. */
    public static final int MAX_SAMPLES = 200_000;

    private final JdbcTemplate jdbc;
    private final int maxSamples;

    public SlaQueries(DataSource dataSource) {
        this(dataSource, MAX_SAMPLES);
    }

    SlaQueries(DataSource dataSource, int maxSamples) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.maxSamples = maxSamples;
    }

    /**
     * The service's samples in (from, to], oldest first.
     *
     * @throws IllegalArgumentException when the range is empty or reversed, or holds more than the maximum
     */
    public List<SlaSampleRow> samples(String service, Instant from, Instant to) {
        requireRange(from, to);
        List<SlaSampleRow> samples = jdbc.query("SELECT sampled_at, outcome FROM sla_sample WHERE service = ?"
                        + " AND sampled_at > ? AND sampled_at <= ? ORDER BY sampled_at LIMIT ?",
                (rs, n) -> new SlaSampleRow(UtcColumns.instant(rs, "sampled_at"), SampleOutcome.valueOf(rs.getString("outcome"))),
                service, UtcColumns.toColumn(from), UtcColumns.toColumn(to), maxSamples + 1);
        if (samples.size() > maxSamples) {
            throw new IllegalArgumentException("service \"" + service + "\" has more than " + maxSamples
                    + " sla samples from " + from + " to " + to + "; ask for a shorter range");
        }
        return samples;
    }

    /** Compliance over the service's samples in (from, to], counted by the database: any range length. */
    public Compliance compliance(String service, Instant from, Instant to, BigDecimal limit) {
        requireRange(from, to);
        long[] complyingAndCounted = new long[2];
        jdbc.query("SELECT outcome, COUNT(*) FROM sla_sample WHERE service = ? AND sampled_at > ? AND sampled_at <= ?"
                + " GROUP BY outcome", rs -> {
            SampleOutcome outcome = SampleOutcome.valueOf(rs.getString(1));
            long samples = rs.getLong(2);
            complyingAndCounted[0] += outcome == SampleOutcome.COMPLIES ? samples : 0;
            complyingAndCounted[1] += outcome.counted() ? samples : 0;
        }, service, UtcColumns.toColumn(from), UtcColumns.toColumn(to));
        return Compliance.of(complyingAndCounted[0], complyingAndCounted[1], limit);
    }

    private static void requireRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("sla range from " + from + " to " + to + " is empty: from must be before to");
        }
    }
}
