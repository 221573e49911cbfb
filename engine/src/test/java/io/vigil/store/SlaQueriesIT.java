package io.vigil.store;

import io.vigil.service.sla.Compliance;
import io.vigil.service.sla.SampleOutcome;
import io.vigil.service.sla.SlaSample;
import io.vigil.service.sla.SlaStatus;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.SlaSampled;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored samples reproduce the SLA seed: interval 1 h, a sample every 5 min, sample 6
 * fails. Compliance at t6 is 83.33, climbs to 91.67 at t12, stays there through t17 (sample 6 is
 * still in the window) and is 100 at t18, when (t6, t18] no longer holds it.
 */
class SlaQueriesIT {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final BigDecimal LIMIT = new BigDecimal("95");

    private TestDatabase db;
    private SlaQueries sla;

    @BeforeEach
    void storeTheSeedSamples() throws Exception {
        db = TestDatabase.create("sla_queries");
        sla = new SlaQueries(db.dataSource());
        List<Outcome> samples = new ArrayList<>();
        for (int k = 1; k <= 18; k++) {
            SampleOutcome outcome = k == 6 ? SampleOutcome.FAILS : SampleOutcome.COMPLIES;
            samples.add(new SlaSampled("webshop", t(k).toEpochMilli(), outcome, null, SlaStatus.NOT_AVAILABLE));
        }
        // Another service's samples, left-out kinds included, must not leak into webshop's.
        samples.add(new SlaSampled("intranet", t(1).toEpochMilli(), SampleOutcome.FAILS, null, SlaStatus.INCORRECT));
        samples.add(new SlaSampled("intranet", t(2).toEpochMilli(), SampleOutcome.UNKNOWN, null, SlaStatus.INCORRECT));
        samples.add(new SlaSampled("intranet", t(3).toEpochMilli(), SampleOutcome.DOWNTIME, null, SlaStatus.INCORRECT));
        samples.add(new SlaSampled("intranet", t(4).toEpochMilli(), SampleOutcome.COMPLIES, null, SlaStatus.INCORRECT));
        store(db.dataSource(), batch(1, 0, samples, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldReturnExactlyTheHalfOpenRangeOldestFirst() {
        List<SlaSampleRow> lastHourAtT12 = sla.samples("webshop", t(12).minus(INTERVAL), t(12));

        assertThat(lastHourAtT12).hasSize(12);
        assertThat(lastHourAtT12.get(0)).isEqualTo(new SlaSampleRow(t(1), SampleOutcome.COMPLIES));
        assertThat(lastHourAtT12.get(11).sampledAt()).isEqualTo(t(12));
        assertThat(lastHourAtT12).extracting(SlaSampleRow::outcome).containsOnlyOnce(SampleOutcome.FAILS);
        assertThat(sla.samples("webshop", t(6), t(7))).containsExactly(new SlaSampleRow(t(7), SampleOutcome.COMPLIES));
        assertThat(sla.samples("webshop", t(18), t(30))).isEmpty();
    }

    @Test
    void shouldReproduceTheSeedComplianceTableFromStoredSamples() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(6, "83.33");
        expected.put(7, "85.71");
        expected.put(8, "87.50");
        expected.put(9, "88.89");
        expected.put(10, "90.00");
        expected.put(11, "90.91");
        for (int k = 12; k <= 17; k++) {
            expected.put(k, "91.67");
        }
        expected.put(18, "100.00");

        expected.forEach((k, percent) -> {
            Instant from = t(k).minus(INTERVAL);
            List<SlaSample> samples = sla.samples("webshop", from, t(k)).stream()
                    .map(row -> new SlaSample("webshop", row.sampledAt().toEpochMilli(), null, row.outcome())).toList();
            Compliance fromRows = Compliance.of(samples, LIMIT);
            assertThat(fromRows.percent()).as("compliance at t%d", k).isEqualTo(new BigDecimal(percent));
            assertThat(sla.compliance("webshop", from, t(k), LIMIT)).as("counted by the database at t%d", k).isEqualTo(fromRows);
        });
        assertThat(sla.compliance("webshop", t(18).minus(INTERVAL), t(18), LIMIT).status()).isEqualTo(SlaStatus.OK);
        assertThat(sla.compliance("webshop", t(17).minus(INTERVAL), t(17), LIMIT).status()).isEqualTo(SlaStatus.INCORRECT);
    }

    @Test
    void shouldLeaveUnknownAndDowntimeSamplesOutOfCompliance() {
        assertThat(sla.compliance("intranet", T0, t(4), LIMIT)).isEqualTo(new Compliance(1, 2, new BigDecimal("50.00"), SlaStatus.INCORRECT));
        assertThat(sla.compliance("intranet", t(1), t(3), LIMIT)).isEqualTo(new Compliance(0, 0, null, SlaStatus.NOT_AVAILABLE));
        assertThat(sla.compliance("nobody", T0, t(18), LIMIT).status()).isEqualTo(SlaStatus.NOT_AVAILABLE);
    }

    @Test
    void shouldRefuseARangeWithMoreSamplesThanTheMaximum() {
        SlaQueries smallPages = new SlaQueries(db.dataSource(), 17);

        assertThat(smallPages.samples("webshop", T0, t(17))).hasSize(17);
        assertThatThrownBy(() -> smallPages.samples("webshop", T0, t(18)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service \"webshop\" has more than 17 sla samples from 2026-11-21T10:00:00Z to 2026-11-21T11:30:00Z;"
                        + " ask for a shorter range");
    }

    @Test
    void shouldRefuseAnEmptyOrReversedRange() {
        assertThatThrownBy(() -> sla.samples("webshop", t(2), t(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sla range from 2026-11-21T10:10:00Z to 2026-11-21T10:10:00Z is empty: from must be before to");
        assertThatThrownBy(() -> sla.compliance("webshop", t(3), t(2), LIMIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sla range from 2026-11-21T10:15:00Z to 2026-11-21T10:10:00Z is empty");
    }

    /** The k-th sample's time. */
    private static Instant t(int k) {
        return T0.plus(PERIOD.multipliedBy(k));
    }
}
