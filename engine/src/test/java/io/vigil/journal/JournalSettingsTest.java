package io.vigil.journal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalSettingsTest {

    @Test
    void shouldDefaultToFiveThousandRowsPerTransactionAndKeysKeptADay() {
        assertThat(JournalSettings.defaults()).isEqualTo(new JournalSettings(5_000, 1, Duration.ofDays(1)));
    }

    @Test
    void shouldRejectAnEmptyBatchSizeNamingTheValue() {
        assertThatThrownBy(() -> new JournalSettings(0, 1, Duration.ofDays(1))).hasMessage("journal maxBatchRows must be at least 1, got 0");
    }

    @Test
    void shouldRejectAKeyRetentionTooShortForARetry() {
        assertThatThrownBy(() -> new JournalSettings(10, 1, Duration.ofSeconds(5)))
                .hasMessage("idempotency keys must be kept at least a minute, got PT5S");
    }
}
