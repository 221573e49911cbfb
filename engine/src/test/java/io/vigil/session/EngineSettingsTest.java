package io.vigil.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsTest {

    @Test
    void shouldDefaultToTheDocumentedValues() {
        EngineSettings defaults = EngineSettings.defaults();

        assertThat(defaults.batchSize()).isEqualTo(5_000);
        assertThat(defaults.escalationInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.pollTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.snapshotInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(defaults.withLinger(Duration.ZERO).linger()).isZero();
    }

    @Test
    void shouldRefuseValuesThatCannotWork() {
        assertThatThrownBy(() -> EngineSettings.defaults().withBatchSize(0))
                .hasMessage("engine batch size must be at least 1, got 0");
        assertThatThrownBy(() -> EngineSettings.defaults().withEscalationInterval(Duration.ZERO))
                .hasMessage("escalation interval must be at least 1 ms, got PT0S");
        assertThatThrownBy(() -> EngineSettings.defaults().withPollTimeout(null))
                .hasMessage("engine poll timeout must be at least 1 ms, got null");
        assertThatThrownBy(() -> EngineSettings.defaults().withLinger(Duration.ofMillis(-1)))
                .hasMessage("engine linger must be 0 to 1000 ms, got PT-0.001S");
        assertThatThrownBy(() -> EngineSettings.defaults().withLinger(Duration.ofSeconds(2)))
                .hasMessage("engine linger must be 0 to 1000 ms, got PT2S");
    }
}
