package io.vigil.store.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class UtcColumnsTest {

    @Test
    void shouldWriteTheUtcWallTimeWhateverTheJvmZone() {
        assertThat(UtcColumns.toColumn(Instant.parse("2026-10-25T01:30:00.123Z")))
                .isEqualTo(LocalDateTime.of(2026, 10, 25, 1, 30, 0, 123_000_000));
    }

    @Test
    void shouldKeepMillisecondsBeforeTheEpoch() {
        assertThat(UtcColumns.toColumn(-1L)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000));
    }
}
