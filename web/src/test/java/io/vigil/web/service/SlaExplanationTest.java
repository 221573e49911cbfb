package io.vigil.web.service;

import io.vigil.service.CompliesWhen;
import io.vigil.service.SlaSettings;
import io.vigil.service.sla.Compliance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SlaExplanationTest {

    private static final SlaSettings HOURLY = new SlaSettings(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("95"),
            CompliesWhen.NORMAL);

    @Test
    void shouldExplainWhyAServiceThatWasOnlyWarningHasZeroPercent() {
        SlaExplanation explained = SlaExplanation.of(HOURLY, Compliance.of(0, 12, HOURLY.limit()));

        assertThat(explained.settings()).isEqualTo("limit 95 % over 1h, a sample every 5m");
        assertThat(explained.rule()).isEqualTo("A sample complies when the service is NORMAL; WARNING and CRITICAL fail"
                + " (compliesWhen: NORMAL, the default; a tree can set compliesWhen: NORMAL_OR_WARNING to let WARNING comply).");
        assertThat(explained.figure()).isEqualTo("0 of the 12 samples counted in the last 1h complied: 0.00 %, below the limit of 95 %.");
        assertThat(explained.fewSamples()).isNull();
    }

    @Test
    void shouldSayWhenTheWindowIsNotFullYet() {
        SlaSettings lenient = new SlaSettings(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("90.5"),
                CompliesWhen.NORMAL_OR_WARNING);

        SlaExplanation explained = SlaExplanation.of(lenient, Compliance.of(3, 3, lenient.limit()));

        assertThat(explained.rule()).isEqualTo("A sample complies when the service is NORMAL or WARNING; CRITICAL fails"
                + " (compliesWhen: NORMAL_OR_WARNING).");
        assertThat(explained.figure()).isEqualTo("3 of the 3 samples counted in the last 1h complied: 100.00 %, at or above the limit of 90.5 %.");
        assertThat(explained.fewSamples()).isEqualTo("Not enough samples yet for a settled figure: a full window holds 12 samples"
                + " (one every 5m), 3 counted so far. Samples while the service is UNKNOWN or in a planned downtime are left out.");
    }

    @Test
    void shouldSayThereIsNoFigureBeforeTheFirstCountedSample() {
        SlaExplanation explained = SlaExplanation.of(HOURLY, Compliance.of(0, 0, HOURLY.limit()));

        assertThat(explained.figure()).isEqualTo("No sample of the last 1h counts yet, so there is no figure (N/A).");
        assertThat(explained.fewSamples()).contains("0 counted so far");
    }
}
