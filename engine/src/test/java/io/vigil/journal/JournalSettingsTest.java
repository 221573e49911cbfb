package io.vigil.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalSettingsTest {

    @Test
    void shouldDefaultToFiveThousandRowsPerTransaction() {
        assertThat(JournalSettings.defaults()).isEqualTo(new JournalSettings(5_000, 1));
    }

    @Test
    void shouldRejectAnEmptyBatchSizeNamingTheValue() {
        assertThatThrownBy(() -> new JournalSettings(0, 1)).hasMessage("journal maxBatchRows must be at least 1, got 0");
    }
}
