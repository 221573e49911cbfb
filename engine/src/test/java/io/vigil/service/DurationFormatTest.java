package io.vigil.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationFormatTest {

    @Test
    void shouldReadEveryUnit() {
        assertThat(DurationFormat.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationFormat.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationFormat.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationFormat.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationFormat.parse("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationFormat.parse("1mo")).isEqualTo(Duration.ofDays(30));
        assertThat(DurationFormat.parse("1month")).isEqualTo(Duration.ofDays(30));
        assertThat(DurationFormat.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void shouldRefuseWhatIsNotADuration() {
        assertThat(DurationFormat.parse("")).isNull();
        assertThat(DurationFormat.parse("5")).isNull();
        assertThat(DurationFormat.parse("5 min")).isNull();
        assertThat(DurationFormat.parse("5ms")).isNull();
        assertThat(DurationFormat.parse("1y")).isNull();
        assertThat(DurationFormat.parse("-5m")).isNull();
        assertThat(DurationFormat.parse("1234567890s")).as("more than nine digits").isNull();
    }

    @Test
    void shouldWriteTheLargestUnitsThatFit() {
        assertThat(DurationFormat.format(Duration.ofDays(30))).isEqualTo("1mo");
        assertThat(DurationFormat.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(DurationFormat.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationFormat.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0s");
    }
}
